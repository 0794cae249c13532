using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Epic16.Domain.Persistence.Configurations.Platform;

public sealed class ReconcileWatermarkConfiguration : IEntityTypeConfiguration<ReconcileWatermark>
{
    public void Configure(EntityTypeBuilder<ReconcileWatermark> b)
    {
        b.ToTable("dual_write_reconcile_watermarks");
        b.HasKey(w => w.Name);
        b.Property(w => w.Name).HasMaxLength(40);
        b.Property(w => w.LastFullAt).HasColumnType("timestamptz");
        b.Property(w => w.UpdatedAt).HasColumnType("timestamptz");
    }
}
