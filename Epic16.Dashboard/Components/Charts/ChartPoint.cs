namespace Epic16.Dashboard.Components.Charts;

/// <summary>A value at a moment, for series on a datetime x-axis. A null value leaves a gap.</summary>
public sealed record ChartPoint(DateTimeOffset At, decimal? Value)
{
    /// <summary>A value on a calendar day (midnight UTC; the axis shows UTC dates).</summary>
    public static ChartPoint On(DateOnly day, decimal? value) => new(new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), value);
}
