using Epic16.Domain.Crm;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Epic16.Domain.Persistence.Configurations.Platform;

public sealed class CrmContactConfiguration : IEntityTypeConfiguration<CrmContact>
{
    public void Configure(EntityTypeBuilder<CrmContact> b)
    {
        b.ToTable("crm_contacts");
        b.Property(c => c.FullName).HasMaxLength(300);
        b.Property(c => c.Email).HasMaxLength(320);
        b.Property(c => c.Company).HasMaxLength(300);
        b.Property(c => c.Title).HasMaxLength(300);
        b.Property(c => c.Source).HasMaxLength(100);
        b.Property(c => c.CreatedAt).HasColumnType("timestamptz");
        b.HasIndex(c => c.Email).IsUnique();
    }
}
