using Epic16.Domain.Abm;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Epic16.Domain.Persistence.Configurations.Epic16;

public sealed class ContentAssetConfiguration(StoreMapping store) : IEntityTypeConfiguration<ContentAsset>
{
    public void Configure(EntityTypeBuilder<ContentAsset> b)
    {
        store.Table(b, "content_assets", "abm_content_assets");
        b.Property(a => a.Title).IsRequired();
        store.Enum(b, b.Property(a => a.AssetType), AbmVocabulary.AssetTypes);
        store.Enum(b, b.Property(a => a.FunnelStage), AbmVocabulary.FunnelStages);
        store.Json(b.Property(a => a.Metadata));
        store.Boolean(b.Property(a => a.IsActive));
        store.Timestamp(b.Property(a => a.CreatedAt));
        b.HasIndex(a => a.AssetType);
    }
}
