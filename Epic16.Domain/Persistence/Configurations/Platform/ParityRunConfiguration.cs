using Epic16.Domain.StoreMigration;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Epic16.Domain.Persistence.Configurations.Platform;

public sealed class ParityRunConfiguration : IEntityTypeConfiguration<ParityRun>
{
    public void Configure(EntityTypeBuilder<ParityRun> b)
    {
        b.ToTable("migration_parity_runs");
        b.Property(r => r.Actor).HasMaxLength(320);
        b.Property(r => r.RunAt).HasColumnType("timestamptz");
        b.Property(r => r.ParityPercent).HasColumnType("numeric(6,2)");
        b.Property(r => r.MaxFigureVariancePercent).HasColumnType("numeric(12,4)");
        b.Property(r => r.Report).HasColumnType("jsonb");
        b.HasIndex(r => r.RunAt);
    }
}
