using Epic16.Domain.Acquisition;
using Epic16.Domain.Monitoring;
using Epic16.Domain.Persistence;
using Epic16.Tests.Persistence;
using Epic16.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Epic16.Tests.Monitoring;

/// <summary>The router's contexts report every command and save of their store to the monitor, and nothing of the other store.</summary>
public sealed class StoreMonitorWiringTests(PostgresServer postgres)
{
    [Theory]
    [InlineData(StoreKind.Sqlite, StoreKind.Postgres)]
    [InlineData(StoreKind.Postgres, StoreKind.Sqlite)]
    public async Task Queries_and_saves_through_the_router_are_measured_on_their_store(StoreKind store, StoreKind other)
    {
        await using var scope = await StoreScope.CreateAsync(postgres);
        var monitor = scope.Services.GetRequiredService<StoreMonitor>();

        await using (var db = await scope.ContextAsync(store))
        {
            db.Prospects.Add(SampleEntities.Prospect("Monitored Corp"));
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            Assert.Equal(1, await db.Prospects.CountAsync(TestContext.Current.CancellationToken));
        }

        await using (var db = await scope.ContextAsync(store))
        {
            db.Prospects.Add(SampleEntities.Prospect("Monitored Corp"));
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(TestContext.Current.CancellationToken));
        }

        var summary = monitor.Summary(store, TimeSpan.FromMinutes(5));
        Assert.True(summary.Commands >= 3, $"{summary.Commands} commands measured");
        Assert.True(summary.Errors >= 1, "the duplicate insert is counted as an error");
        Assert.True(summary.P95 > TimeSpan.Zero);
        Assert.NotNull(monitor.Writes(store).FailingSince);
        Assert.NotNull(monitor.Writes(store).LastSuccessAt);
        Assert.Equal(0, monitor.Summary(other, TimeSpan.FromMinutes(5)).Commands);
    }
}
