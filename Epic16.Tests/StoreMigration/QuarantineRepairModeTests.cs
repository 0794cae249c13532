using Epic16.Domain.Security;
using Epic16.Domain.StoreMigration;
using Epic16.Tests.Persistence;
using Epic16.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Epic16.Tests.StoreMigration;

/// <summary>Quarantine repair writes both stores outside the mirror: refused once dual-write began, as migrate and restore are.</summary>
public sealed class QuarantineRepairModeTests(PostgresServer postgres)
{
    [Theory]
    [InlineData("DualWriteSqlitePrimary")]
    [InlineData("DualWritePostgresPrimary")]
    [InlineData("PostgresOnly")]
    public async Task Repair_OutsideSqliteOnly_IsRefusedNamingTheMode(string mode)
    {
        await using var scope = await StoreScope.CreateAsync(postgres, mode);
        await using var services = scope.Services.CreateAsyncScope();
        var repair = services.ServiceProvider.GetRequiredService<QuarantineRepair>();

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => repair.RepairAsync(SystemUser.Cli, 1, "2025-02-28 10:15:00", TestContext.Current.CancellationToken));

        Assert.Contains($"refused in {mode}", refused.Message);
    }

    [Fact]
    public async Task Repair_InSqliteOnly_GetsPastTheModeCheck()
    {
        await using var scope = await StoreScope.CreateAsync(postgres);
        await using var services = scope.Services.CreateAsyncScope();
        var repair = services.ServiceProvider.GetRequiredService<QuarantineRepair>();

        // No such entry: the refusal is about the entry, not the mode.
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => repair.RepairAsync(SystemUser.Cli, 424242, "x", TestContext.Current.CancellationToken));

        Assert.Contains("does not exist", error.Message);
    }
}
