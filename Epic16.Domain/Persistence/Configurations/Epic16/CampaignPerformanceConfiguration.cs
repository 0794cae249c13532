using Epic16.Domain.Abm;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Epic16.Domain.Persistence.Configurations.Epic16;

public sealed class CampaignPerformanceConfiguration(StoreMapping store) : IEntityTypeConfiguration<CampaignPerformance>
{
    public void Configure(EntityTypeBuilder<CampaignPerformance> b)
    {
        store.Table(b, "performance", "abm_performance");
        store.Date(b.Property(p => p.MetricDate));
        store.Money(b.Property(p => p.PipelineInfluencedUsd));
        store.Money(b.Property(p => p.CostUsd));
        b.HasOne<Campaign>().WithMany().HasForeignKey(p => p.CampaignId).OnDelete(DeleteBehavior.NoAction);
        b.HasIndex(p => new { p.CampaignId, p.MetricDate }).IsUnique()
            .HasDatabaseName(store.IsLegacy ? "idx_performance_day" : "ux_abm_performance_campaign_day");
    }
}
