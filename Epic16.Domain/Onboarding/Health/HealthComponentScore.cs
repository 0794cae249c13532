namespace Epic16.Domain.Onboarding.Health;

/// <summary>One component of a score: its 0–100 value (null: no data, left out), its configured weight and its share of the score.</summary>
public sealed record HealthComponentScore(string Component, decimal? Score, int Weight, decimal EffectiveWeight)
{
    public decimal Points => Score is { } s ? decimal.Round(s * EffectiveWeight / 100m, 2, MidpointRounding.AwayFromZero) : 0m;

    public bool InRedZone => Score < HealthComponents.RedZoneBelow;
}
