using System.Collections.Concurrent;
using Epic16.Domain.Auditing;
using Epic16.Domain.DualWrite;
using Epic16.Domain.Persistence;
using Epic16.Domain.Security;
using Epic16.Domain.StoreMigration;
using Epic16.Tests.Persistence;
using Epic16.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Epic16.Tests.DualWrite;

/// <summary>Cutover forward through every mode and back while users write, and rollback from PostgresOnly: nothing fails, nothing is lost.</summary>
public sealed class CutoverTests(PostgresServer postgres)
{
    private static readonly ICurrentUser Admin = SystemUser.Cli;

    [Fact]
    public async Task Cutover_forward_and_back_under_8_writers_loses_and_fails_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        // This test is about data, not speed (bench/ measures that): eight writers on a shared 2-core machine make
        // SQLite's single writer queue, so the latency gate's limit is raised here.
        await using var scope = await StoreScope.CreateAsync(postgres, settings: new Dictionary<string, string?> { ["Rollback:MaxP95Milliseconds"] = "10000" });
        await using var services = scope.Services.CreateAsyncScope();
        var cutover = DualWriteKit.Cutover(services);
        await cutover.LoadModeAsync(ct);
        await services.ServiceProvider.GetRequiredService<BackupService>().BackupAsync(ct);
        // The migration is complete (an empty store) and checked: what the parity gate reads.
        await DualWriteKit.ReconcileAsync(scope, StoreKind.Sqlite);

        var written = new ConcurrentDictionary<long, string>();
        var failures = new ConcurrentQueue<Exception>();
        using var stop = new CancellationTokenSource();
        var writers = Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
        {
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                var company = $"Writer {w} row {n}";
                try
                {
                    written[await DualWriteKit.AddProspectAsync(scope.Router, company)] = company;
                }
                catch (Exception e)
                {
                    failures.Enqueue(e);
                }

                await Task.Delay(20);
            }
        })).ToList();

        var pauses = new List<(StoreMode To, TimeSpan Pause)>();
        var started = DateTime.UtcNow;
        foreach (var target in new[] { StoreMode.DualWriteSqlitePrimary, StoreMode.DualWritePostgresPrimary, StoreMode.PostgresOnly })
        {
            await Task.Delay(1500, ct);
            var gates = await cutover.GatesAsync(target, ct);
            Assert.True(gates.All(g => g.Ok), string.Join("; ", gates.Select(g => $"{g.Name} {g.Ok} {g.Figure}")));
            var result = await cutover.MoveForwardAsync(Admin, target, target.ToString(), $"test cutover to {target}", ct: ct);
            pauses.Add((target, result.Pause));
            Assert.Equal(target, scope.Router.Mode);
        }

        for (var i = 0; i < 2; i++)
        {
            await Task.Delay(1500, ct);
            var result = await cutover.RollbackAsync(Admin, "test rollback", ct: ct);
            pauses.Add((result.To, result.Pause));
        }

        var remaining = TimeSpan.FromSeconds(20) - (DateTime.UtcNow - started);
        if (remaining > TimeSpan.Zero)
        {
            await Task.Delay(remaining, ct);
        }

        await stop.CancelAsync();
        await Task.WhenAll(writers);

        Assert.Empty(failures);
        Assert.Equal(StoreMode.DualWriteSqlitePrimary, scope.Router.Mode);
        Assert.True(written.Count > 100, $"{written.Count} rows written");
        foreach (var store in new[] { StoreKind.Sqlite, StoreKind.Postgres })
        {
            await using var db = await scope.Router.CreateBackgroundContextAsync(store);
            var rows = await db.Prospects.ToDictionaryAsync(p => p.Id, p => p.CompanyName, ct);
            Assert.Equal(written.OrderBy(p => p.Key), rows.OrderBy(p => p.Key));
        }

        var parity = await DualWriteKit.ReconcileAsync(scope, StoreKind.Sqlite);
        Assert.Equal(0, parity.Found);
        Assert.Equal(100m, parity.ParityBeforePercent);
        Assert.Equal(0, scope.Services.GetRequiredService<MirrorLog>().Totals().Failures);

        var audit = await services.ServiceProvider.GetRequiredService<AuditLog>().LatestAsync(10, ct);
        Assert.Equal(3, audit.Count(a => a.Action == "storemode.forward"));
        Assert.Equal(2, audit.Count(a => a.Action == "storemode.rollback"));
        var history = await services.ServiceProvider.GetRequiredService<StoreModes>().HistoryAsync(10, ct);
        Assert.Equal(6, history.Count);
        Assert.All(history.Take(5), h => Assert.NotNull(h.PauseMs));
        TestContext.Current.TestOutputHelper?.WriteLine($"{written.Count} rows by 8 writers; pauses: {string.Join(", ", pauses.Select(p => $"{p.To} {p.Pause.TotalMilliseconds:0} ms"))}");
        Bench.Record("cutover-pause", pauses.Select(p => $"{p.To}\t{p.Pause.TotalMilliseconds:0}"));
    }

    [Fact]
    public async Task Rollback_from_PostgresOnly_puts_every_write_in_SQLite()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var scope = await StoreScope.CreateAsync(postgres, "PostgresOnly");
        await using var services = scope.Services.CreateAsyncScope();
        var cutover = DualWriteKit.Cutover(services);
        await cutover.LoadModeAsync(ct);
        var prospect = await DualWriteKit.WriteGraphAsync(scope.Router);
        for (var i = 0; i < 20; i++)
        {
            await DualWriteKit.AddProspectAsync(scope.Router, $"After cutover {i}", ct);
        }

        Assert.Empty(await DualWriteKit.CompaniesAsync(scope, StoreKind.Sqlite));

        var progress = new List<CutoverProgress>();
        var result = await cutover.RollbackAsync(Admin, "Epic 7 pipeline check failed", new SyncProgress<CutoverProgress>(progress.Add), ct);

        Assert.Equal((StoreMode.PostgresOnly, StoreMode.DualWritePostgresPrimary), (result.From, result.To));
        Assert.Equal(StoreMode.DualWritePostgresPrimary, scope.Router.Mode);
        Assert.Equal(await DualWriteKit.CompaniesAsync(scope, StoreKind.Postgres), await DualWriteKit.CompaniesAsync(scope, StoreKind.Sqlite));
        Assert.Equal(21, (await DualWriteKit.CompaniesAsync(scope, StoreKind.Sqlite)).Count);
        Assert.Equal(await DualWriteKit.CountsAsync(scope, StoreKind.Postgres), await DualWriteKit.CountsAsync(scope, StoreKind.Sqlite));
        Assert.Equal(0, (await DualWriteKit.ReconcileAsync(scope, StoreKind.Postgres)).Found);
        Assert.Equal(6, progress.Select(p => p.Index).Distinct().Count());

        // The next write lands in both stores with an id neither store used before.
        var next = await DualWriteKit.AddProspectAsync(scope.Router, "After rollback", ct);
        Assert.True(next > prospect);
        Assert.Contains("After rollback", await DualWriteKit.CompaniesAsync(scope, StoreKind.Sqlite));
    }

    [Fact]
    public async Task A_non_admin_is_refused_cutover_and_rollback_and_nothing_changes()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var scope = await StoreScope.CreateAsync(postgres, "DualWriteSqlitePrimary");
        await using var services = scope.Services.CreateAsyncScope();
        var cutover = DualWriteKit.Cutover(services);
        await cutover.LoadModeAsync(ct);
        var sales = new TestUser("sales@epic16.demo", AppRoles.Sales);

        await Assert.ThrowsAsync<AccessDeniedException>(() => cutover.MoveForwardAsync(sales, StoreMode.DualWritePostgresPrimary, "DualWritePostgresPrimary", "try", ct: ct));
        await Assert.ThrowsAsync<AccessDeniedException>(() => cutover.RollbackAsync(sales, "try", ct: ct));

        Assert.Equal(StoreMode.DualWriteSqlitePrimary, scope.Router.Mode);
        Assert.Single(await services.ServiceProvider.GetRequiredService<StoreModes>().HistoryAsync(ct: ct));
        Assert.DoesNotContain(await services.ServiceProvider.GetRequiredService<AuditLog>().LatestAsync(ct: ct), a => a.Action.StartsWith("storemode.", StringComparison.Ordinal) && a.Action != "storemode.denied");
    }

    [Fact]
    public async Task Cutover_with_a_red_gate_or_a_wrong_confirmation_is_refused()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var scope = await StoreScope.CreateAsync(postgres);
        await using var services = scope.Services.CreateAsyncScope();
        var cutover = DualWriteKit.Cutover(services);
        await cutover.LoadModeAsync(ct);

        await Assert.ThrowsAsync<ArgumentException>(() => cutover.MoveForwardAsync(Admin, StoreMode.DualWriteSqlitePrimary, "dualwritesqliteprimary", "go", ct: ct));
        await Assert.ThrowsAsync<ArgumentException>(() => cutover.MoveForwardAsync(Admin, StoreMode.PostgresOnly, "PostgresOnly", "skip ahead", ct: ct));
        var refused = await Assert.ThrowsAsync<CutoverRefusedException>(() => cutover.MoveForwardAsync(Admin, StoreMode.DualWriteSqlitePrimary, "DualWriteSqlitePrimary", "go", ct: ct));

        // No validation or reconcile yet, and no backup: those two gates are red, with their figures.
        Assert.Equal([CutoverGates.Parity, CutoverGates.Backup], refused.Gates.Where(g => !g.Ok).Select(g => g.Name));
        Assert.Equal(StoreMode.SqliteOnly, scope.Router.Mode);
    }

    [Fact]
    public async Task The_Epic7_gate_turns_red_when_the_pipeline_changes_by_anything_but_a_conversion()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var scope = await StoreScope.CreateAsync(postgres, "DualWriteSqlitePrimary");
        await using var services = scope.Services.CreateAsyncScope();
        var cutover = DualWriteKit.Cutover(services);
        var crm = services.ServiceProvider.GetRequiredService<Epic16.Domain.Crm.CrmService>();
        await crm.OpenDealAsync("Existing deal", "Acme", null, 1_158_000m, "epic7", ct);
        await cutover.LoadModeAsync(ct);

        await crm.OpenDealAsync("Converted", "Globex", null, 250_000m, Epic16.Domain.Crm.Epic7Pipeline.ConversionSource(7), ct);
        var afterConversion = (await cutover.GatesAsync(StoreMode.DualWritePostgresPrimary, ct)).Single(g => g.Name == CutoverGates.Epic7);
        await crm.OpenDealAsync("Edited outside Epic 16", "Initech", null, 1_000m, null, ct);
        var afterEdit = (await cutover.GatesAsync(StoreMode.DualWritePostgresPrimary, ct)).Single(g => g.Name == CutoverGates.Epic7);

        Assert.True(afterConversion.Ok, afterConversion.Figure);
        Assert.False(afterEdit.Ok);
        Assert.Equal("$1,159,000.00 now, $1,158,000.00 when dual-write began", afterEdit.Figure);
    }

    private sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
