using Epic16.Domain.Onboarding.Health;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Epic16.Domain.Persistence.Configurations.Platform;

public sealed class HealthSnapshotConfiguration : IEntityTypeConfiguration<HealthSnapshot>
{
    public void Configure(EntityTypeBuilder<HealthSnapshot> b)
    {
        b.ToTable("onboarding_health_snapshots");
        b.Property(s => s.Day).HasColumnType("date");
        b.Property(s => s.Score).HasColumnType("numeric(6,2)");
        b.Property(s => s.Band).HasMaxLength(20);
        b.Property(s => s.CoveragePercent).HasColumnType("numeric(6,2)");
        b.Property(s => s.Breakdown).HasColumnType("jsonb");
        b.Property(s => s.RecordedAt).HasColumnType("timestamptz");
        b.HasIndex(s => new { s.ClientId, s.Day }).IsUnique();
        b.HasIndex(s => s.Day);
    }
}
