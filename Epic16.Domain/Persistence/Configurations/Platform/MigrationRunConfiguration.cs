using Epic16.Domain.StoreMigration;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Epic16.Domain.Persistence.Configurations.Platform;

public sealed class MigrationRunConfiguration : IEntityTypeConfiguration<MigrationRun>
{
    public void Configure(EntityTypeBuilder<MigrationRun> b)
    {
        b.ToTable("migration_runs", t => t.HasCheckConstraint("ck_migration_runs_outcome", "outcome IN ('running','ok','quarantined','failed')"));
        b.Property(r => r.Kind).HasMaxLength(40);
        b.Property(r => r.Actor).HasMaxLength(320);
        b.Property(r => r.Outcome).HasMaxLength(20);
        b.Property(r => r.StartedAt).HasColumnType("timestamptz");
        b.Property(r => r.FinishedAt).HasColumnType("timestamptz");
        b.Property(r => r.ParityPercent).HasColumnType("numeric(6,2)");
        b.Property(r => r.Report).HasColumnType("jsonb");
        b.HasIndex(r => r.StartedAt);
    }
}
