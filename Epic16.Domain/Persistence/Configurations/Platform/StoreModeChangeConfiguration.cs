using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Epic16.Domain.Persistence.Configurations.Platform;

public sealed class StoreModeChangeConfiguration : IEntityTypeConfiguration<StoreModeChange>
{
    public void Configure(EntityTypeBuilder<StoreModeChange> b)
    {
        b.ToTable("migration_store_modes");
        b.Property(m => m.Mode).HasMaxLength(40);
        b.Property(m => m.PreviousMode).HasMaxLength(40);
        b.Property(m => m.ChangedAt).HasColumnType("timestamptz");
        b.Property(m => m.ChangedBy).HasMaxLength(320);
        b.Property(m => m.Reason).HasMaxLength(2000);
        b.Property(m => m.Figures).HasColumnType("jsonb");
        b.HasIndex(m => m.ChangedAt);
    }
}
