namespace Epic16.Domain.Abm.Performance;

/// <summary>Accounts × weeks (Mondays, UTC): per cell the engagement weight of the touches that week (<see cref="Engagement.EngagementModel.WeightOf"/>, no decay).</summary>
public sealed record HeatMap(IReadOnlyList<DateOnly> Weeks, IReadOnlyList<HeatMapRow> Rows);
