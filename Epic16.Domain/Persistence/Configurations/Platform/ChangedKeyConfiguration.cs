using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Epic16.Domain.Persistence.Configurations.Platform;

public sealed class ChangedKeyConfiguration : IEntityTypeConfiguration<ChangedKey>
{
    public void Configure(EntityTypeBuilder<ChangedKey> b)
    {
        b.ToTable("dual_write_changed_keys");
        b.HasKey(k => k.Seq);
        b.Property(k => k.TableName).HasMaxLength(64);
        b.Property(k => k.RecordedAt).HasColumnType("timestamptz");
    }
}
