using Epic16.Domain.Persistence;
using Epic16.Domain.Security;
using Epic16.Domain.StoreMigration;
using Epic16.Tests.Persistence;
using Epic16.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Epic16.Tests.DualWrite;

/// <summary>Once dual-write began, a bulk migrate or restore would undo writes one store has taken: both are refused, and nothing is recorded as run.</summary>
public sealed class BulkOperationRefusalTests(PostgresServer postgres)
{
    [Theory]
    [InlineData("DualWriteSqlitePrimary")]
    [InlineData("DualWritePostgresPrimary")]
    [InlineData("PostgresOnly")]
    public async Task Migrate_and_restore_are_refused_after_sqlite_only(string mode)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var scope = await StoreScope.CreateAsync(postgres, mode);
        await using var services = scope.Services.CreateAsyncScope();
        var operations = services.ServiceProvider.GetRequiredService<MigrationOperations>();

        var migrate = await Assert.ThrowsAsync<InvalidOperationException>(() => operations.MigrateAsync(SystemUser.Cli, ct: ct));
        var restore = await Assert.ThrowsAsync<InvalidOperationException>(() => operations.RestoreAsync(SystemUser.Cli, "/nonexistent", ct));

        Assert.StartsWith($"migrate is refused in {mode}", migrate.Message, StringComparison.Ordinal);
        Assert.StartsWith($"restore is refused in {mode}", restore.Message, StringComparison.Ordinal);
        var platform = services.ServiceProvider.GetRequiredService<IDbContextFactory<PlatformContext>>();
        await using var db = await platform.CreateDbContextAsync(ct);
        Assert.Equal(0, await db.MigrationRuns.CountAsync(ct));
    }
}
