using Epic16.Domain.Monitoring;
using Epic16.Domain.Persistence;
using Epic16.Domain.StoreMigration;

namespace Epic16.Tests.Monitoring;

public sealed class RollbackTriggerRulesTests
{
    private static readonly DateTime Now = new(2026, 11, 24, 12, 0, 0, DateTimeKind.Utc);

    private static readonly TriggerInputs Healthy = new(
        StoreMode.DualWriteSqlitePrimary,
        Now,
        MissingRows: 0,
        MissingSource: "reconciler",
        WorstFigure: new BusinessFigure("pipeline_value_usd", 1000m, 1000m),
        UntouchedPipelineUsd: 1_158_000m,
        PipelineBaselineUsd: 1_158_000m,
        Latencies: [new StoreLatency(StoreKind.Sqlite, RollbackLimits.Window, 100, 0, Ms(1), Ms(3), Ms(5)), new StoreLatency(StoreKind.Postgres, RollbackLimits.Window, 100, 0, Ms(1), Ms(4), Ms(8))],
        Writes: [new WriteHealth(StoreKind.Sqlite, Now, null)]);

    public static TheoryData<string, TriggerInputs> EachTripped => new()
    {
        { RollbackTriggerRules.MissingRows, Healthy with { MissingRows = 1 } },
        { RollbackTriggerRules.FigureVariance, Healthy with { WorstFigure = new BusinessFigure("arr_usd", 100m, 105.01m) } },
        { RollbackTriggerRules.Epic7Pipeline, Healthy with { UntouchedPipelineUsd = 1_157_999.99m } },
        { RollbackTriggerRules.Latency, Healthy with { Latencies = [new StoreLatency(StoreKind.Postgres, RollbackLimits.Window, 10, 0, Ms(50), Ms(201), Ms(300))] } },
        { RollbackTriggerRules.Latency, Healthy with { Latencies = [new StoreLatency(StoreKind.Postgres, RollbackLimits.Window, 100, 2, Ms(1), Ms(2), Ms(3))] } },
        { RollbackTriggerRules.WriteOutage, Healthy with { Writes = [new WriteHealth(StoreKind.Sqlite, Now.AddMinutes(-7), Now.AddMinutes(-5).AddSeconds(-1))] } },
    };

    [Fact]
    public void Healthy_figures_trip_nothing()
    {
        var report = RollbackTriggerRules.Evaluate(Healthy, RollbackLimits.Default);

        Assert.Equal(5, report.Triggers.Count);
        Assert.False(report.AnyTripped, string.Join("; ", report.Tripped.Select(t => t.Figure)));
    }

    [Theory]
    [MemberData(nameof(EachTripped))]
    public void Each_trigger_trips_alone_past_its_limit(string key, TriggerInputs inputs)
    {
        var report = RollbackTriggerRules.Evaluate(inputs, RollbackLimits.Default);

        Assert.Equal([key], report.Tripped.Select(t => t.Key));
    }

    [Fact]
    public void Exactly_at_the_limits_nothing_trips()
    {
        var atLimits = Healthy with
        {
            WorstFigure = new BusinessFigure("arr_usd", 100m, 105m),
            Latencies = [new StoreLatency(StoreKind.Postgres, RollbackLimits.Window, 100, 1, Ms(1), Ms(200), Ms(300))],
            Writes = [new WriteHealth(StoreKind.Sqlite, null, Now.AddMinutes(-5))],
        };

        Assert.False(RollbackTriggerRules.Evaluate(atLimits, RollbackLimits.Default).AnyTripped);
    }

    [Fact]
    public void Unknown_figures_do_not_trip_and_say_so()
    {
        var unknown = Healthy with { MissingRows = null, WorstFigure = null, PipelineBaselineUsd = null, Latencies = [], Writes = [] };

        var report = RollbackTriggerRules.Evaluate(unknown, RollbackLimits.Default);

        Assert.False(report.AnyTripped);
        Assert.Contains(report.Triggers, t => t.Figure == "no baseline recorded yet");
        Assert.Contains(report.Triggers, t => t.Figure == "not measured yet");
    }

    [Fact]
    public void Nothing_trips_before_anything_has_moved()
    {
        var report = RollbackTriggerRules.Evaluate(Healthy with { Mode = StoreMode.SqliteOnly, MissingRows = 12 }, RollbackLimits.Default);

        Assert.False(report.AnyTripped);
        Assert.Contains(report.Triggers, t => t.Figure.StartsWith("12 missing", StringComparison.Ordinal));
    }

    private static TimeSpan Ms(double milliseconds) => TimeSpan.FromMilliseconds(milliseconds);
}
