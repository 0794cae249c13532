using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Epic16.Domain.Persistence.Configurations.Platform;

public sealed class LatencyMinuteConfiguration : IEntityTypeConfiguration<LatencyMinute>
{
    public void Configure(EntityTypeBuilder<LatencyMinute> b)
    {
        b.ToTable("monitoring_latency_minutes");
        b.HasKey(m => new { m.Minute, m.Store, m.Instance });
        b.Property(m => m.Minute).HasColumnType("timestamptz");
        b.Property(m => m.Store).HasMaxLength(20);
        b.Property(m => m.Instance).HasMaxLength(200);
        b.Property(m => m.Latency).HasColumnType("jsonb");
        b.Property(m => m.UpdatedAt).HasColumnType("timestamptz");
    }
}
