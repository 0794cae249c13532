// Issue 14's figures on the migrated benchmark database, as JSON on stdout (bench/run-dual-write-bench.sh turns it into
// lines of bench/out/dual-write.tsv):
//   (a) reconcile passes SQLite → PostgreSQL: one full pass, changed-keys passes with nothing changed, and per repeat a
//       changed pass after 1,000 rows (up to 500 prospects, touchpoints for the rest) were saved through the router in
//       DualWriteSqlitePrimary;
//   (b) with 8 writers saving through IStoreRouter all along, REPEAT walks SqliteOnly → DualWriteSqlitePrimary →
//       DualWritePostgresPrimary → PostgresOnly and back one step at a time through CutoverController (as `mode set` and
//       `rollback` do; the last walk stops at DualWriteSqlitePrimary), each switch's pause and its steps, then every row the
//       writers saved checked on both stores by reading them (not by a reconcile): 0 lost.
// It repairs the demo's three quarantined rows, backs the legacy files up and persists mode changes: benchmark databases only.
// Usage: dotnet CutoverBench.dll "<connection string>" <legacy dir> <backup dir> [repeat=3]
// Environment: BENCH_WRITERS (8), BENCH_WRITER_DELAY_MS (20, each writer's pause between saves), BENCH_SETTLE_MS (2000, writes
// flowing before each switch), BENCH_GATE_P95_MS (10000: the cutover gate's p95 limit, raised as in CutoverTests because
// 8 writers queue on SQLite's single writer; the p95 each gate saw is in the output).
using System.Globalization;
using System.Text.Json;
using Epic16.Bench;
using Epic16.Bench.Cutover;
using Epic16.Domain.DualWrite;
using Epic16.Domain.Persistence;
using Epic16.Domain.Security;
using Epic16.Domain.StoreMigration;
using Microsoft.Extensions.DependencyInjection;

if (args.Length < 3)
{
    Console.Error.WriteLine("usage: CutoverBench <connection string> <legacy dir> <backup dir> [repeat]");
    return 2;
}

var repeat = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 3;
var writerCount = Env("BENCH_WRITERS", 8);
var extra = new Dictionary<string, string?>
{
    ["Backups:Directory"] = Path.GetFullPath(args[2]),
    ["Rollback:MaxP95Milliseconds"] = Env("BENCH_GATE_P95_MS", 10_000).ToString(CultureInfo.InvariantCulture),
    ["DualWrite:Instance"] = "cutover-bench",
};
await using var provider = BenchServices.Create(args[0], "SqliteOnly", Path.GetFullPath(args[1]), extra);
await using var scope = provider.CreateAsyncScope();
var sp = scope.ServiceProvider;
var cutover = sp.GetRequiredService<CutoverController>();
await cutover.LoadModeAsync();
if (cutover.Mode != StoreMode.SqliteOnly)
{
    Console.Error.WriteLine($"The persisted mode is {cutover.Mode}; this benchmark starts from SqliteOnly (a freshly migrated database).");
    return 2;
}

var startedLoad = LoadAverage();
var repaired = await RepairQuarantineAsync(sp);
await sp.GetRequiredService<MigrationOperations>().BackupAsync(SystemUser.Cli);
Log($"quarantine repaired: {repaired} row(s); backup taken");

var reconcile = await ReconcileRuns.RunAsync(sp, repeat, Log);
var walk = await CutoverWalk.RunAsync(sp, cutover, repeat, writerCount, Env("BENCH_WRITER_DELAY_MS", 20), Env("BENCH_SETTLE_MS", 2000), Log);

var json = new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, WriteIndented = true };
Console.WriteLine(JsonSerializer.Serialize(new
{
    started_load_average = startedLoad,
    ended_load_average = LoadAverage(),
    quarantine_repaired = repaired,
    reconcile,
    cutover = walk,
    mirror = sp.GetRequiredService<MirrorLog>().Totals(),
}, json));
return walk.Failures == 0 && walk.Lost.All(l => l.Missing == 0 && l.Different == 0) ? 0 : 1;

static int Env(string name, int fallback) =>
    int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;

static void Log(string line) => Console.Error.WriteLine($"{DateTime.UtcNow:HH:mm:ss} {line} (load {LoadAverage()})");

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "";

// The demo's three broken rows, corrected as the cutover walk test does: the quarantine gate asks for none open.
static async Task<int> RepairQuarantineAsync(IServiceProvider sp)
{
    var corrections = new Dictionary<string, string>
    {
        ["lead_scoring"] = "{'fit': 12, 'intent': 8}",
        ["touchpoints"] = "1",
        ["communications"] = "2025-02-28 10:15:00",
    };
    var count = 0;
    foreach (var row in (await sp.GetRequiredService<MigrationStatus>().QuarantineAsync(SystemUser.Cli)).Where(q => q.ResolvedAt is null))
    {
        var result = await sp.GetRequiredService<QuarantineRepair>().RepairAsync(SystemUser.Cli, row.Id, corrections.GetValueOrDefault(row.LegacyTable));
        if (result.Released)
        {
            count++;
        }
        else if (result.Problems is not ["This entry is already resolved."])
        {
            throw new InvalidOperationException($"Quarantined {row.LegacyTable} #{row.LegacyId} not repaired: {string.Join("; ", result.Problems)}");
        }
    }

    return count;
}
