using Epic16.Domain.Auditing;
using Epic16.Domain.Crm;
using Epic16.Domain.Onboarding.Escalations;
using Epic16.Domain.Onboarding.Health;
using Epic16.Domain.Persistence.Configurations.Platform;
using Epic16.Domain.StoreMigration;
using Epic16.Domain.Security;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Epic16.Domain.Persistence;

/// <summary>
/// What lives on PostgreSQL in every store mode: Identity, the Epic 7 CRM and the control tables
/// (audit log, quarantine, migration runs, store mode), the data-protection keys every instance signs in with, and the
/// onboarding health snapshots, the health board's rows derived from them, and escalations (no legacy table).
/// </summary>
public class PlatformContext(DbContextOptions<PlatformContext> options) : IdentityDbContext<ApplicationUser>(options), IDataProtectionKeyContext
{
    public const string MigrationsHistoryTable = "__ef_migrations_history_platform";

    public DbSet<CrmContact> CrmContacts => Set<CrmContact>();
    public DbSet<CrmDeal> CrmDeals => Set<CrmDeal>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<QuarantinedRow> Quarantine => Set<QuarantinedRow>();
    public DbSet<MigrationRun> MigrationRuns => Set<MigrationRun>();
    public DbSet<ParityRun> ParityRuns => Set<ParityRun>();
    public DbSet<StoreModeChange> StoreModes => Set<StoreModeChange>();
    public DbSet<DualWriteHour> DualWriteHours => Set<DualWriteHour>();
    public DbSet<LatencyMinute> LatencyMinutes => Set<LatencyMinute>();
    public DbSet<ChangedKey> ChangedKeys => Set<ChangedKey>();
    public DbSet<ReconcileWatermark> ReconcileWatermarks => Set<ReconcileWatermark>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<HealthSnapshot> HealthSnapshots => Set<HealthSnapshot>();
    public DbSet<Escalation> Escalations => Set<Escalation>();
    public DbSet<HealthBoardRow> HealthBoard => Set<HealthBoardRow>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfiguration(new CrmContactConfiguration());
        builder.ApplyConfiguration(new CrmDealConfiguration());
        builder.ApplyConfiguration(new AuditEntryConfiguration());
        builder.ApplyConfiguration(new QuarantinedRowConfiguration());
        builder.ApplyConfiguration(new MigrationRunConfiguration());
        builder.ApplyConfiguration(new ParityRunConfiguration());
        builder.ApplyConfiguration(new StoreModeChangeConfiguration());
        builder.ApplyConfiguration(new DualWriteHourConfiguration());
        builder.ApplyConfiguration(new LatencyMinuteConfiguration());
        builder.ApplyConfiguration(new ChangedKeyConfiguration());
        builder.ApplyConfiguration(new ReconcileWatermarkConfiguration());
        builder.ApplyConfiguration(new HealthSnapshotConfiguration());
        builder.ApplyConfiguration(new EscalationConfiguration());
        builder.ApplyConfiguration(new HealthBoardRowConfiguration());
    }
}
