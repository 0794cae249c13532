using Epic16.Domain.StoreMigration;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Epic16.Domain.Persistence.Configurations.Platform;

public sealed class QuarantinedRowConfiguration : IEntityTypeConfiguration<QuarantinedRow>
{
    public void Configure(EntityTypeBuilder<QuarantinedRow> b)
    {
        b.ToTable("migration_quarantine");
        b.Property(q => q.LegacyTable).HasMaxLength(64);
        b.Property(q => q.ColumnName).HasMaxLength(64);
        b.Property(q => q.FirstSeenAt).HasColumnType("timestamptz");
        b.Property(q => q.ResolvedAt).HasColumnType("timestamptz");
        b.Property(q => q.ResolvedBy).HasMaxLength(320);
        b.HasIndex(q => new { q.LegacyTable, q.LegacyId, q.ColumnName }).IsUnique();
    }
}
