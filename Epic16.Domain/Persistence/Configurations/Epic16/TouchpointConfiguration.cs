using Epic16.Domain.Abm;
using Epic16.Domain.Acquisition;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Epic16.Domain.Acquisition.Prospects;

namespace Epic16.Domain.Persistence.Configurations.Epic16;

public sealed class TouchpointConfiguration(StoreMapping store) : IEntityTypeConfiguration<Touchpoint>
{
    public void Configure(EntityTypeBuilder<Touchpoint> b)
    {
        store.Table(b, "touchpoints", "abm_touchpoints");
        store.Enum(b, b.Property(t => t.Channel), AbmVocabulary.TouchpointChannels);
        store.Timestamp(b.Property(t => t.ScheduledAt));
        store.Timestamp(b.Property(t => t.ExecutedAt));
        store.Enum(b, b.Property(t => t.Status), AbmVocabulary.TouchpointStatuses);
        store.Score(b, b.Property(t => t.EngagementScore));
        b.HasOne<Campaign>().WithMany().HasForeignKey(t => t.CampaignId).OnDelete(DeleteBehavior.NoAction);
        // Across legacy files: not enforced by SQLite, enforced here and checked (orphans quarantined) by the migration.
        b.HasOne<Prospect>().WithMany().HasForeignKey(t => t.ProspectId).OnDelete(DeleteBehavior.NoAction);
        b.HasOne<ContentAsset>().WithMany().HasForeignKey(t => t.AssetId).OnDelete(DeleteBehavior.NoAction);
        b.HasIndex(t => new { t.CampaignId, t.ScheduledAt }).HasDatabaseName(store.IsLegacy ? "idx_touchpoints_campaign" : "ix_abm_touchpoints_campaign_scheduled");
        b.HasIndex(t => new { t.ProspectId, t.ExecutedAt });
        if (!store.IsLegacy)
        {
            // Serves the asset foreign key and, read alone, the content library's usage counts per asset and status (750k touches).
            b.HasIndex(t => new { t.AssetId, t.Status });
        }
    }
}
