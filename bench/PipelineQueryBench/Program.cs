// Times the Sales pages' data queries through the real services (PipelineBoardService.LoadAsync, ProspectService.SearchProspectsAsync)
// on a PostgreSQL database in PostgresOnly mode, each query shape WARMUP times untimed then ITERATIONS times timed, and prints
// one tab-separated line per shape: name, iterations, p50 ms, p95 ms, max ms, rows. Usage:
//   dotnet run -c Release --project bench/PipelineQueryBench -- "<connection string>" [iterations=200] [warmup=20]
using System.Diagnostics;
using System.Globalization;
using Epic16.Bench;
using Epic16.Domain.Acquisition;
using Epic16.Domain.Security;
using Microsoft.Extensions.DependencyInjection;
using Epic16.Domain.Acquisition.PipelineBoard;
using Epic16.Domain.Acquisition.Prospects;

if (args.Length < 1)
{
    Console.Error.WriteLine("usage: PipelineQueryBench <connection string> [iterations] [warmup]");
    return 2;
}

var iterations = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 200;
var warmup = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 20;
await using var provider = BenchServices.Create(args[0], "PostgresOnly", Path.Combine(Path.GetTempPath(), "epic16-bench-no-legacy"));
await using var scope = provider.CreateAsyncScope();
var board = scope.ServiceProvider.GetRequiredService<PipelineBoardService>();
var acquisition = scope.ServiceProvider.GetRequiredService<ProspectService>();
var user = SystemUser.Cli;

var total = (await acquisition.SearchProspectsAsync(user, new ProspectQuery { PageSize = 1 })).TotalCount;
var owner = (await board.FilterChoicesAsync(user)).Owners.FirstOrDefault();
Console.Error.WriteLine($"{total:N0} prospects; owner filter {owner}; {warmup} warm-up + {iterations} timed runs per query");

var shapes = new (string Name, Func<Task<int>> Run)[]
{
    ("kanban", async () => (await board.LoadAsync(user, new ProspectQuery())).Sum(c => c.Cards.Count)),
    ("kanban owner", async () => (await board.LoadAsync(user, new ProspectQuery { Owner = owner })).Sum(c => c.Cards.Count)),
    ("kanban score 40-80", async () => (await board.LoadAsync(user, new ProspectQuery { MinScore = 40, MaxScore = 80 })).Sum(c => c.Cards.Count)),
    ("kanban text", async () => (await board.LoadAsync(user, new ProspectQuery { Search = "acme" })).Sum(c => c.Cards.Count)),
    ("grid company p1", () => Grid(new ProspectQuery())),
    ("grid company desc p200", () => Grid(new ProspectQuery { Descending = true, Page = 200 })),
    ("grid score desc p1", () => Grid(new ProspectQuery { SortBy = ProspectSortField.Score, Descending = true })),
    ("grid score asc last page", () => Grid(new ProspectQuery { SortBy = ProspectSortField.Score, Page = Math.Max(1, (total + 24) / 25) })),
    ("grid arr p50", () => Grid(new ProspectQuery { SortBy = ProspectSortField.Arr, Page = 50 })),
    ("grid rank p1", () => Grid(new ProspectQuery { SortBy = ProspectSortField.Rank })),
    ("grid updated desc p1", () => Grid(new ProspectQuery { SortBy = ProspectSortField.Updated, Descending = true })),
    ("grid stage+owner p1", () => Grid(new ProspectQuery { Stage = ProspectStatus.Qualified, Owner = owner })),
    ("grid score 40-80 p1", () => Grid(new ProspectQuery { MinScore = 40, MaxScore = 80, SortBy = ProspectSortField.Score })),
    ("grid text p1", () => Grid(new ProspectQuery { Search = "acme" })),
};

Console.WriteLine("query\titerations\tp50_ms\tp95_ms\tmax_ms\trows");
foreach (var (name, run) in shapes)
{
    for (var i = 0; i < warmup; i++)
    {
        await run();
    }

    var times = new double[iterations];
    var rows = 0;
    for (var i = 0; i < iterations; i++)
    {
        var started = Stopwatch.GetTimestamp();
        rows = await run();
        times[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }

    Array.Sort(times);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{name}\t{iterations}\t{Percentile(times, 0.50):0.00}\t{Percentile(times, 0.95):0.00}\t{times[^1]:0.00}\t{rows}"));
}

return 0;

async Task<int> Grid(ProspectQuery query) => (await acquisition.SearchProspectsAsync(user, query)).Items.Count;

// Nearest-rank percentile of sorted values.
static double Percentile(double[] sorted, double p) => sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Length) - 1)];
