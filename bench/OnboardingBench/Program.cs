// Times the onboarding pages' data through the real services on one store mode, each shape WARMUP times untimed then
// ITERATIONS times timed, and prints one tab-separated line per shape: name, iterations, p50 ms, p95 ms, max ms, rows.
// Then the daily snapshot of every client (HealthSnapshots.RecordTodayAsync, as the job and `onboarding snapshot` run it),
// twice: the first writes today's rows, the second replaces them; and the go-live projection of a 60-milestone plan.
// Usage: OnboardingBench <connection string> <mode> <legacy dir> [iterations=100] [warmup=10] [snapshot=1]
using System.Diagnostics;
using System.Globalization;
using Epic16.Bench;
using Epic16.Domain.Onboarding.Clients;
using Epic16.Domain.Onboarding.Communications;
using Epic16.Domain.Onboarding.Escalations;
using Epic16.Domain.Onboarding.Health;
using Epic16.Domain.Onboarding.Plans;
using Epic16.Domain.Security;
using Microsoft.Extensions.DependencyInjection;

if (args.Length < 3)
{
    Console.Error.WriteLine("usage: OnboardingBench <connection string> <mode> <legacy dir> [iterations] [warmup] [snapshot 0|1]");
    return 2;
}

var mode = args[1];
var iterations = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 100;
var warmup = args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 10;
var snapshot = args.Length <= 5 || args[5] != "0";
await using var provider = BenchServices.Create(args[0], mode, args[2]);
await using var scope = provider.CreateAsyncScope();
var services = scope.ServiceProvider;
var board = services.GetRequiredService<HealthBoard>();
var clients = services.GetRequiredService<OnboardingClients>();
var plans = services.GetRequiredService<MilestonePlans>();
var health = services.GetRequiredService<ClientHealth>();
var variance = services.GetRequiredService<LegacyScoreVariance>();
var escalations = services.GetRequiredService<EscalationQueue>();
var log = services.GetRequiredService<CommunicationLog>();
var user = SystemUser.Cli;

// As the app at its first start: a database without snapshots gets 90 days of them, so the board has sparklines and trends.
var snapshots = services.GetRequiredService<HealthSnapshots>();
if (!await snapshots.AnyAsync())
{
    var started = Stopwatch.GetTimestamp();
    var written = await snapshots.BackfillAsync(HealthBoard.SparklineDays);
    Console.Error.WriteLine($"{mode}: backfilled {written:N0} snapshots in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s");
}

// The first board load builds the board rows (cs_health_board) when they do not match the clients, as on a database that had
// snapshots before the table existed (the seed writes snapshots only); it is reported, not timed with the shapes.
var firstLoad = Stopwatch.GetTimestamp();
await board.LoadAsync(user);
Console.Error.WriteLine($"{mode}: first board load (builds the board rows) {Stopwatch.GetElapsedTime(firstLoad).TotalMilliseconds:0} ms");

var all = await clients.ListAsync(user);
var ids = all.Select(c => c.Id).Where((_, i) => i % Math.Max(1, all.Count / 50) == 0).Take(50).ToList();
var csm = all.Select(c => c.CsmOwner).FirstOrDefault(o => o is not null);
Console.Error.WriteLine($"{mode}: {all.Count:N0} clients; {warmup} warm-up + {iterations} timed runs per shape");
var next = 0;
long Pick() => ids[next++ % ids.Count];

var shapes = new (string Name, Func<Task<int>> Run)[]
{
    ("health board (all)", async () => (await board.LoadAsync(user)).Cards.Count),
    ("health board band at_risk", async () => (await board.LoadAsync(user, band: "at_risk")).Cards.Count),
    ("health board one CSM", async () => (await board.LoadAsync(user, csm: csm)).Cards.Count),
    ("client page (plan, health, variance, escalations, log)", async () =>
    {
        var id = Pick();
        var plan = await plans.GetAsync(user, id);
        var view = await health.LoadAsync(user, id);
        await variance.PerClientAsync(user, id);
        await escalations.QueueAsync(user, includeResolved: true, clientId: id);
        var comms = await log.ListAsync(user, new CommunicationQuery(ClientId: id));
        return plan.Projection.Milestones.Count + view.History.Count + comms.Count;
    }),
};

Console.WriteLine("query\titerations\tp50_ms\tp95_ms\tmax_ms\trows");
foreach (var (name, run) in shapes)
{
    if (ids.Count == 0 && name.StartsWith("client", StringComparison.Ordinal))
    {
        continue;
    }

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

    Print(name, times, rows);
}

// A 60-milestone plan: a chain with a side branch every fifth, a third done, some overdue; projected as the page does.
var today = DateOnly.FromDateTime(DateTime.UtcNow);
var sixty = Enumerable.Range(1, 60).Select(k => new PlanMilestone(k, $"M{k}", k, today.AddDays(-40 + k * 3), k <= 20 ? today.AddDays(-40 + k * 3) : null,
    k <= 20 ? "done" : "pending", k == 1 ? [] : k % 5 == 0 && k > 3 ? [k - 1, k - 3] : [k - 1])).ToList();
for (var i = 0; i < warmup * 10; i++)
{
    MilestonePlanner.Project(sixty, today, today.AddDays(150));
}

var projections = new double[iterations * 10];
for (var i = 0; i < projections.Length; i++)
{
    var started = Stopwatch.GetTimestamp();
    MilestonePlanner.Project(sixty, today, today.AddDays(150));
    projections[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
}

Print("go-live projection, 60 milestones", projections, 60);

if (snapshot)
{
    foreach (var label in new[] { "daily snapshot, all clients (writes today)", "daily snapshot, all clients (replaces today)" })
    {
        var started = Stopwatch.GetTimestamp();
        var result = await snapshots.RecordTodayAsync();
        var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        Print($"{label}, {result.EscalationsRaised:N0} escalations raised", [ms], result.Clients);
    }
}

return 0;

void Print(string name, double[] times, int rows)
{
    Array.Sort(times);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{mode} {name}\t{times.Length}\t{Percentile(times, 0.50):0.000}\t{Percentile(times, 0.95):0.000}\t{times[^1]:0.000}\t{rows}"));
}

// Nearest-rank percentile of sorted values.
static double Percentile(double[] sorted, double p) => sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Length) - 1)];
