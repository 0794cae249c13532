using Epic16.Domain.DualWrite;
using Epic16.Domain.Executive;
using Epic16.Domain.Persistence;
using Epic16.Domain.Security;
using Epic16.Domain.StoreMigration;
using Epic16.Tests.DualWrite;
using Epic16.Tests.Persistence;
using Epic16.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Epic16.Tests.Executive;

/// <summary>The same executive figures in every store mode: SQLite only, then after a migrate through both dual-write modes to PostgreSQL only.</summary>
public sealed class ExecutiveFiguresModeTests(PostgresServer postgres)
{
    private static readonly ICurrentUser Executive = new TestUser("exec@epic16.test", AppRoles.Executive);

    [Fact]
    public async Task LoadAsync_EveryStoreMode_GivesIdenticalFigures()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var scope = await StoreScope.CreateAsync(postgres, settings: new Dictionary<string, string?> { ["Rollback:MaxP95Milliseconds"] = "10000" });
        await using var services = scope.Services.CreateAsyncScope();
        await ExecutiveSeed.ProspectsAsync(scope.Router);
        var figures = services.ServiceProvider.GetRequiredService<ExecutiveFiguresService>();
        var seen = new List<(StoreMode Mode, string Figures)> { (scope.Router.Mode, await ExecutiveSeed.TextAsync(figures, Executive)) };

        await services.ServiceProvider.GetRequiredService<Migrator>().MigrateAsync(ct: ct);
        await services.ServiceProvider.GetRequiredService<BackupService>().BackupAsync(ct);
        await DualWriteKit.ReconcileAsync(scope, StoreKind.Sqlite);
        var cutover = DualWriteKit.Cutover(services);
        await cutover.LoadModeAsync(ct);
        foreach (var target in new[] { StoreMode.DualWriteSqlitePrimary, StoreMode.DualWritePostgresPrimary, StoreMode.PostgresOnly })
        {
            var gates = await cutover.GatesAsync(target, ct);
            Assert.True(gates.All(g => g.Ok), string.Join("; ", gates.Select(g => $"{g.Name} {g.Ok} {g.Figure}")));
            await cutover.MoveForwardAsync(SystemUser.Cli, target, target.ToString(), $"executive figures in {target}", ct: ct);
            Assert.Equal(target, scope.Router.Mode);
            seen.Add((target, await ExecutiveSeed.TextAsync(figures, Executive)));
        }

        Assert.Equal([StoreMode.SqliteOnly, StoreMode.DualWriteSqlitePrimary, StoreMode.DualWritePostgresPrimary, StoreMode.PostgresOnly], seen.Select(s => s.Mode));
        Assert.All(seen, s => Assert.Equal(seen[0].Figures, s.Figures));
        Assert.Contains("open=$170,001", seen[0].Figures);
    }
}
