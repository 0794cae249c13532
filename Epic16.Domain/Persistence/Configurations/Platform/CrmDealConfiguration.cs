using Epic16.Domain.Crm;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Epic16.Domain.Persistence.Configurations.Platform;

public sealed class CrmDealConfiguration : IEntityTypeConfiguration<CrmDeal>
{
    public void Configure(EntityTypeBuilder<CrmDeal> b)
    {
        b.ToTable("crm_deals", t =>
        {
            t.HasCheckConstraint("ck_crm_deals_status", "status IN ('open','won','lost')");
            t.HasCheckConstraint("ck_crm_deals_value", "value_usd >= 0");
        });
        b.Property(d => d.Name).HasMaxLength(300);
        b.Property(d => d.Company).HasMaxLength(300);
        b.Property(d => d.Status).HasMaxLength(20);
        b.Property(d => d.Source).HasMaxLength(100);
        b.Property(d => d.ValueUsd).HasColumnType("numeric(14,2)");
        b.Property(d => d.CreatedAt).HasColumnType("timestamptz");
        b.Property(d => d.ClosedAt).HasColumnType("timestamptz");
        b.HasOne(d => d.Contact).WithMany().HasForeignKey(d => d.ContactId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(d => d.Status);
    }
}
