using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Epic16.Domain.Persistence.Configurations.Platform;

public sealed class DualWriteHourConfiguration : IEntityTypeConfiguration<DualWriteHour>
{
    public void Configure(EntityTypeBuilder<DualWriteHour> b)
    {
        b.ToTable("migration_dual_write_hours");
        b.HasKey(h => new { h.Hour, h.Instance });
        b.Property(h => h.Hour).HasColumnType("timestamptz");
        b.Property(h => h.Instance).HasMaxLength(200);
        b.Property(h => h.PrimaryLatency).HasColumnType("jsonb");
        b.Property(h => h.SecondaryLatency).HasColumnType("jsonb");
        b.Property(h => h.UpdatedAt).HasColumnType("timestamptz");
    }
}
