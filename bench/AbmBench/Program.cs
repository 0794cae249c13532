using Epic16.Domain.Acquisition.Prospects;
// Times the ABM pages' data through the real services on one store mode, each shape WARMUP times untimed then ITERATIONS
// times timed, and prints one tab-separated line per shape: name, iterations, p50 ms, p95 ms, max ms, rows.
// ITERATIONS 0 times no reads (the plan only). With "plan" it also creates a campaign on PLAN_ACCOUNTS prospects and times planning a 6-step cadence for all of them
// (PLAN_ACCOUNTS × 6 touches, one save; the mirror replays it in a dual-write mode). Usage:
//   AbmBench <connection string> <mode> <legacy dir> [iterations=100] [warmup=10] [plan accounts=0]
using System.Diagnostics;
using System.Globalization;
using Epic16.Domain;
using Epic16.Domain.Abm.Campaigns;
using Epic16.Domain.Abm.Performance;
using Epic16.Domain.Abm.Touchpoints;
using Epic16.Domain.Acquisition;
using Epic16.Domain.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

if (args.Length < 3)
{
    Console.Error.WriteLine("usage: AbmBench <connection string> <mode> <legacy dir> [iterations] [warmup] [plan accounts]");
    return 2;
}

var iterations = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 100;
var warmup = args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 10;
var planAccounts = args.Length > 5 ? int.Parse(args[5], CultureInfo.InvariantCulture) : 0;
var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
{
    ["ConnectionStrings:BusinessCore"] = args[0],
    ["Store:Mode"] = args[1],
    ["Legacy:Directory"] = args[2],
}).Build();
var services = new ServiceCollection()
    .AddSingleton<IConfiguration>(configuration)
    .AddLogging(l => l.SetMinimumLevel(LogLevel.Warning).AddFilter("Microsoft.EntityFrameworkCore", LogLevel.None));
services.AddEpic16Domain(configuration);
await using var provider = services.BuildServiceProvider();
await using var scope = provider.CreateAsyncScope();
var campaigns = scope.ServiceProvider.GetRequiredService<CampaignService>();
var reports = scope.ServiceProvider.GetRequiredService<CampaignReportService>();
var touchpoints = scope.ServiceProvider.GetRequiredService<TouchpointService>();
var user = SystemUser.Cli;

var list = await campaigns.ListAsync(user, new CampaignQuery { PageSize = 1 });
var ids = new List<long>();
for (var page = 1; ids.Count < 50 && page <= 3; page++)
{
    ids.AddRange((await campaigns.ListAsync(user, new CampaignQuery { Page = page, PageSize = 25 })).Items.Select(c => c.Id));
}

Console.Error.WriteLine($"{args[1]}: {list.TotalCount:N0} campaigns; {warmup} warm-up + {iterations} timed runs per shape");
var next = 0;
long Pick() => ids[next++ % ids.Count];

var shapes = new (string Name, Func<Task<int>> Run)[]
{
    ("campaigns list p1", async () => (await campaigns.ListAsync(user, new CampaignQuery())).Items.Count),
    ("campaigns list search", async () => (await campaigns.ListAsync(user, new CampaignQuery { Search = "wave 1" })).Items.Count),
    ("campaign page (dashboard)", async () => (await reports.DashboardAsync(user, Pick())).Timeline.Touches.Count),
    ("campaign timeline p2", async () => (await reports.TimelineAsync(user, Pick(), 2)).Touches.Count),
    ("touchpoints list p1 (campaign)", async () => (await touchpoints.ListAsync(user, new TouchpointQuery { CampaignId = Pick() })).Items.Count),
    ("target picker 'acme'", async () => (await campaigns.SearchProspectsAsync(user, "acme")).Count),
    ("target picker 'ho'", async () => (await campaigns.SearchProspectsAsync(user, "ho")).Count),
};

Console.WriteLine("query\titerations\tp50_ms\tp95_ms\tmax_ms\trows");
foreach (var (name, run) in iterations == 0 ? [] : shapes)
{
    if (ids.Count == 0 && name.Contains("campaign", StringComparison.Ordinal) && !name.Contains("list", StringComparison.Ordinal))
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

    Array.Sort(times);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{args[1]} {name}\t{iterations}\t{Percentile(times, 0.50):0.00}\t{Percentile(times, 0.95):0.00}\t{times[^1]:0.00}\t{rows}"));
}

if (planAccounts > 0)
{
    var picks = new List<long>();
    foreach (var prefix in new[] { "Acme", "beta", "Gamma", "Delta", "Zeta", "Theta", "Iota", "Kappa", "Mu" })
    {
        picks.AddRange((await campaigns.SearchProspectsAsync(user, prefix, picks, 50)).Select(p => p.Id));
    }

    for (var page = 1; picks.Count < planAccounts; page++)
    {
        var more = await scope.ServiceProvider.GetRequiredService<ProspectService>()
            .SearchProspectsAsync(user, new ProspectQuery { Page = page, PageSize = 200 });
        picks.AddRange(more.Items.Select(p => p.Id).Where(id => !picks.Contains(id)));
        if (more.Items.Count == 0)
        {
            break;
        }
    }

    var plan = new CadencePlanInput
    {
        StartAt = DateTime.UtcNow.Date.AddDays(1).AddHours(9),
        Steps = [new("email", null, 0), new("linkedin", null, 2), new("email", null, 5), new("call", null, 8), new("direct_mail", null, 12), new("email", null, 15)],
    };

    // A small plan first, untimed, so the timed one measures the work and not the first call's JIT and model warm-up.
    var warm = await campaigns.SaveAsync(user, null, new CampaignInput { Name = $"Bench warm-up {Guid.NewGuid():N}", Tier = "one_to_many", TargetAccounts = picks.Take(10).ToList() }, null);
    await touchpoints.PreviewCadenceAsync(user, warm.Id, plan);
    await touchpoints.PlanCadenceAsync(user, warm.Id, plan);

    var targets = picks.Take(planAccounts).ToList();
    var campaign = await campaigns.SaveAsync(user, null, new CampaignInput { Name = $"Bench plan {Guid.NewGuid():N}", Tier = "one_to_many", TargetAccounts = targets }, null);
    var started = Stopwatch.GetTimestamp();
    var preview = await touchpoints.PreviewCadenceAsync(user, campaign.Id, plan);
    var previewMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    started = Stopwatch.GetTimestamp();
    var created = await touchpoints.PlanCadenceAsync(user, campaign.Id, plan);
    var planMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{args[1]} cadence preview {preview.Accounts}x6\t1\t{previewMs:0.00}\t{previewMs:0.00}\t{previewMs:0.00}\t{preview.TotalTouches}"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{args[1]} cadence plan {preview.Accounts}x6 (one save)\t1\t{planMs:0.00}\t{planMs:0.00}\t{planMs:0.00}\t{created}"));
}

return 0;

// Nearest-rank percentile of sorted values.
static double Percentile(double[] sorted, double p) => sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Length) - 1)];
