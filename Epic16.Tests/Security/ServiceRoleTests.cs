using System.Reflection;
using Epic16.Domain.Acquisition.Scoring;
using Epic16.Domain.Auditing;
using Epic16.Domain.Crm;
using Epic16.Domain.DemoData;
using Epic16.Domain.DualWrite;
using Epic16.Domain.Persistence;
using Epic16.Domain.Persistence.Legacy;
using Epic16.Domain.Security;
using Epic16.Domain.StoreMigration;
using Epic16.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Epic16.Tests.Security;

/// <summary>
/// Each service checks the caller's role itself: the public operations that had no check refuse a wrong role
/// (<see cref="AccessDeniedException"/>) and serve the right one; the unguarded ones are internal to a guarded service.
/// </summary>
public sealed class ServiceRoleTests(PostgresServer postgres)
{
    private static readonly ICurrentUser Admin = new TestUser("admin@epic16.test", AppRoles.Admin);
    private static readonly ICurrentUser Rep = TestUser.Rep;

    // Every role but Admin: none of them may run the migration machinery.
    private static readonly ICurrentUser NotAdmin = new TestUser("everyone@epic16.test", AppRoles.Sales, AppRoles.CustomerSuccess, AppRoles.Executive);

    // The CRM and lead scores are Sales work: CustomerSuccess and Executive are refused.
    private static readonly ICurrentUser NotSales = new TestUser("csm-exec@epic16.test", AppRoles.CustomerSuccess, AppRoles.Executive);

    private static readonly Dictionary<string, (ICurrentUser Wrong, ICurrentUser Right, Func<IServiceProvider, ICurrentUser, CancellationToken, Task> Call)> Cases = new()
    {
        ["Reconciler.ReconcileAsync"] = (NotAdmin, Admin, (sp, u, ct) => sp.GetRequiredService<Reconciler>().ReconcileAsync(u, StoreKind.Sqlite, StoreKind.Postgres, ct: ct)),
        ["QuarantineScanner.ScanAsync"] = (NotAdmin, Admin, (sp, u, ct) => sp.GetRequiredService<QuarantineScanner>().ScanAsync(u, ct)),
        ["MigrationStatus.TablesAsync"] = (NotAdmin, Admin, (sp, u, ct) => sp.GetRequiredService<MigrationStatus>().TablesAsync(u, ct)),
        ["MigrationStatus.QuarantineAsync"] = (NotAdmin, Admin, (sp, u, ct) => sp.GetRequiredService<MigrationStatus>().QuarantineAsync(u, ct)),
        ["MigrationOperations.RecentRunsAsync"] = (NotAdmin, Admin, (sp, u, ct) => sp.GetRequiredService<MigrationOperations>().RecentRunsAsync(u, ct: ct)),
        ["MigrationOperations.LatestParityAsync"] = (NotAdmin, Admin, (sp, u, ct) => sp.GetRequiredService<MigrationOperations>().LatestParityAsync(u, ct)),
        ["CrmService.ContactsAsync"] = (NotSales, Rep, (sp, u, ct) => sp.GetRequiredService<CrmService>().ContactsAsync(u, "a", ct: ct)),
        ["CrmService.OpenPipelineValueAsync"] = (NotSales, Rep, (sp, u, ct) => sp.GetRequiredService<CrmService>().OpenPipelineValueAsync(u, ct)),
        ["LeadScoringService.HistoryAsync"] = (NotSales, Rep, (sp, u, ct) => sp.GetRequiredService<LeadScoringService>().HistoryAsync(u, 1, ct)),
    };

    public static TheoryData<string> CaseNames => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task GuardedOperation_WrongRoleRefused_RightRoleServed(string operation)
    {
        var ct = TestContext.Current.CancellationToken;
        var (wrong, right, call) = Cases[operation];
        await using var services = await ServicesAsync("roles", ct);
        await using var scope = services.CreateAsyncScope();

        var refused = await Assert.ThrowsAsync<AccessDeniedException>(() => call(scope.ServiceProvider, wrong, ct));
        Assert.Contains(wrong.Name, refused.Message);

        // The same call by the right role runs: the refusal above was the role, not the setup.
        await call(scope.ServiceProvider, right, ct);
    }

    [Fact]
    public async Task StoreModesSwitch_NotAdmin_RefusedAndModeUnchanged()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var services = await ServicesAsync("roles_mode", ct);
        await using var scope = services.CreateAsyncScope();
        var modes = scope.ServiceProvider.GetRequiredService<StoreModes>();
        var figures = new ModeFigures(0, 0, 100, 0, 0, 0, 0, 0, 0);
        await modes.LoadAsync(ct: ct);

        await Assert.ThrowsAsync<AccessDeniedException>(() => modes.SwitchAsync(NotAdmin, StoreMode.DualWriteSqlitePrimary, "not mine to switch", figures, ct: ct));
        Assert.Equal(nameof(StoreMode.SqliteOnly), (await modes.LatestAsync(ct))!.Mode);

        var row = await modes.SwitchAsync(Admin, StoreMode.DualWriteSqlitePrimary, "dual-write begins", figures, ct: ct);
        Assert.Equal(nameof(StoreMode.DualWriteSqlitePrimary), row.Mode);
        Assert.Equal(Admin.Name, row.ChangedBy);
    }

    /// <summary>
    /// The services the review found unguarded: whatever stays public takes the caller (and checks it, above);
    /// the rest (bulk copy, backup files, demo files, the audit read) is internal to the service that checks the role
    /// (MigrationOperations, DemoSeeding, CutoverStatusService).
    /// </summary>
    [Theory]
    [InlineData(typeof(BackupService))]
    [InlineData(typeof(Migrator))]
    [InlineData(typeof(Reconciler))]
    [InlineData(typeof(CrmService))]
    [InlineData(typeof(QuarantineScanner))]
    [InlineData(typeof(DemoDataSeeder))]
    [InlineData(typeof(LeadScoringService))]
    [InlineData(typeof(MigrationStatus))]
    [InlineData(typeof(MigrationOperations))]
    [InlineData(typeof(AuditLog))]
    public void PublicOperations_AllTakeTheCaller(Type service)
    {
        var unguarded = service.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => typeof(Task).IsAssignableFrom(m.ReturnType))
            .Where(m => !m.GetParameters().Any(p => p.ParameterType == typeof(ICurrentUser)))
            .Select(m => m.Name)
            .ToList();

        Assert.True(unguarded.Count == 0, $"{service.Name} has public operations without a caller to check: {string.Join(", ", unguarded)}");
    }

    private async Task<ServiceProvider> ServicesAsync(string prefix, CancellationToken ct)
    {
        var db = await postgres.CreateDatabaseAsync(prefix, ct);
        var folder = Directory.CreateTempSubdirectory("epic16-roles-").FullName;
        await LegacyStore.CreateAsync(folder, ct);
        return TestServices.Create(db, new Dictionary<string, string?> { [LegacyStore.SettingName] = folder });
    }
}
