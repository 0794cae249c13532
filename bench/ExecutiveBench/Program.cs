// Times the executive page's data, ExecutiveFiguresService.LoadAsync (every KPI card and every chart series, as the page
// loads them), for a few filters on one store mode: each WARMUP times untimed, then ITERATIONS times timed. Prints one
// tab-separated line per filter: name, iterations, p50 ms, p95 ms, max ms, and the largest series of any chart (points).
// Exits 3 when a series has ExecutiveSeries.MaxPoints points or more (the page must get aggregates, never raw rows).
// Usage: ExecutiveBench <connection string> <mode> <legacy dir> [iterations=100] [warmup=10]
using System.Diagnostics;
using System.Globalization;
using Epic16.Bench;
using Epic16.Domain.Executive;
using Epic16.Domain.Security;
using Microsoft.Extensions.DependencyInjection;

if (args.Length < 3)
{
    Console.Error.WriteLine("usage: ExecutiveBench <connection string> <mode> <legacy dir> [iterations] [warmup]");
    return 2;
}

var iterations = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 100;
var warmup = args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 10;
await using var provider = BenchServices.Create(args[0], args[1], args[2]);
var user = new BenchExecutive();
var today = DateOnly.FromDateTime(DateTime.UtcNow);

var filters = new (string Name, ExecutiveFilter Filter)[]
{
    ("all figures, no filter", new ExecutiveFilter()),
    ("all figures, last 90 days", new ExecutiveFilter(today.AddDays(-90), today)),
    ("all figures, one owner", new ExecutiveFilter(Owner: "rep3@epic16.test")),
    ("all figures, one industry, 2025", new ExecutiveFilter(new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31), Industry: "Banking")),
};

Console.Error.WriteLine($"{args[1]}: {warmup} warm-up + {iterations} timed loads per filter");
Console.WriteLine("query\titerations\tp50_ms\tp95_ms\tmax_ms\tmax_series_points");
var tooMany = false;
foreach (var (name, filter) in filters)
{
    async Task<ExecutiveView> LoadAsync()
    {
        // One scope per load, as each page visit gets its own.
        await using var scope = provider.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ExecutiveFiguresService>().LoadAsync(user, filter);
    }

    for (var i = 0; i < warmup; i++)
    {
        await LoadAsync();
    }

    var times = new double[iterations];
    var points = 0;
    for (var i = 0; i < iterations; i++)
    {
        var started = Stopwatch.GetTimestamp();
        var view = await LoadAsync();
        times[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        points = view.Charts.Max(c => c.Series.Count == 0 ? 0 : c.Series.Max(s => s.Values.Count));
        tooMany |= points >= ExecutiveSeries.MaxPoints;
    }

    Array.Sort(times);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{args[1]} {name}\t{iterations}\t{Percentile(times, 0.50):0.00}\t{Percentile(times, 0.95):0.00}\t{times[^1]:0.00}\t{points}"));
}

return tooMany ? 3 : 0;

// Nearest-rank percentile of sorted values.
static double Percentile(double[] sorted, double p) => sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Length) - 1)];

/// <summary>The executive reading the page (the figures check the role themselves).</summary>
internal sealed class BenchExecutive : ICurrentUser
{
    public string Name => "exec@epic16.bench";

    public bool IsInRole(string role) => role == AppRoles.Executive;
}
