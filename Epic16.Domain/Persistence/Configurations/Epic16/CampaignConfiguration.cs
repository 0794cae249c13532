using Epic16.Domain.Abm;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Epic16.Domain.Persistence.Configurations.Epic16;

public sealed class CampaignConfiguration(StoreMapping store) : IEntityTypeConfiguration<Campaign>
{
    public void Configure(EntityTypeBuilder<Campaign> b)
    {
        store.Table(b, "campaigns", "abm_campaigns");
        b.Property(c => c.Name).IsRequired();
        store.Enum(b, b.Property(c => c.Tier), AbmVocabulary.Tiers);
        store.Enum(b, b.Property(c => c.Status), AbmVocabulary.CampaignStatuses);
        store.Json(b.Property(c => c.TargetAccounts));
        store.Json(b.Property(c => c.Channels));
        store.Money(b.Property(c => c.BudgetUsd));
        store.Date(b.Property(c => c.StartDate));
        store.Date(b.Property(c => c.EndDate));
        store.Timestamp(b.Property(c => c.CreatedAt));
        store.Timestamp(b.Property(c => c.UpdatedAt));
        b.HasIndex(c => c.Status);
    }
}
