namespace Epic16.Domain.Monitoring;

/// <summary>The five rollback triggers at one moment.</summary>
public sealed record TriggerReport(DateTime EvaluatedAt, IReadOnlyList<TriggerStatus> Triggers)
{
    public static TriggerReport NotYetEvaluated { get; } = new(DateTime.MinValue, []);

    public IReadOnlyList<TriggerStatus> Tripped => Triggers.Where(t => t.Tripped).ToList();

    public bool AnyTripped => Triggers.Any(t => t.Tripped);
}
