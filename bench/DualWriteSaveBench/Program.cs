// p50/p95/p99 of a single-row save through the router in each store mode (50 warm-up saves, then SAVES timed), as JSON
// on stdout, with the mirror's totals. It switches the mode in this process only and writes, then deletes, benchmark
// prospects in the live stores: run it on a benchmark database only (bench/run-dual-write-bench.sh does). Usage:
//   dotnet bench/DualWriteSaveBench/bin/Release/net10.0/DualWriteSaveBench.dll "<connection string>" <legacy dir> [saves=500]
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Epic16.Bench;
using Epic16.Domain.Acquisition.Prospects;
using Epic16.Domain.DualWrite;
using Epic16.Domain.Persistence;
using Microsoft.Extensions.DependencyInjection;

if (args.Length < 2)
{
    Console.Error.WriteLine("usage: DualWriteSaveBench <connection string> <legacy dir> [saves]");
    return 2;
}

var saves = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 500;
await using var provider = BenchServices.Create(args[0], "SqliteOnly", Path.GetFullPath(args[1]));
await using var scope = provider.CreateAsyncScope();
var router = scope.ServiceProvider.GetRequiredService<IStoreRouter>();
var state = scope.ServiceProvider.GetRequiredService<StoreModeState>();
var original = state.Current;
var results = new List<object>();
try
{
    foreach (var mode in Enum.GetValues<StoreMode>())
    {
        state.Apply(original with { Mode = mode });
        var timings = new List<double>();
        var ids = new List<long>();
        for (var i = 0; i < 50 + saves; i++)
        {
            await using var db = await router.CreateContextAsync();
            var prospect = new Prospect { CompanyName = $"bench {mode} {i}", CreatedAt = DateTime.UtcNow, TechStack = ["x"] };
            db.Prospects.Add(prospect);
            var clock = Stopwatch.StartNew();
            await db.SaveChangesAsync();
            if (i >= 50)
            {
                timings.Add(clock.Elapsed.TotalMilliseconds);
            }

            ids.Add(prospect.Id);
        }

        timings.Sort();
        results.Add(new { mode = mode.ToString(), saves = timings.Count, p50_ms = At(timings, 0.50), p95_ms = At(timings, 0.95), p99_ms = At(timings, 0.99) });
        await using var cleanup = await router.CreateContextAsync();
        cleanup.Prospects.RemoveRange(ids.Select(id => new Prospect { Id = id }));
        await cleanup.SaveChangesAsync();
    }
}
finally
{
    state.Apply(original);
}

var json = new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, WriteIndented = true };
Console.WriteLine(JsonSerializer.Serialize(new { results, mirror = scope.ServiceProvider.GetRequiredService<MirrorLog>().Totals() }, json));
return 0;

static double At(List<double> sorted, double fraction) =>
    Math.Round(sorted[Math.Clamp((int)Math.Ceiling(fraction * sorted.Count) - 1, 0, sorted.Count - 1)], 3, MidpointRounding.AwayFromZero);
