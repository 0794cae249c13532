using Epic16.Domain.Acquisition;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Epic16.Domain.Acquisition.BusinessCases;
using Epic16.Domain.Acquisition.Prospects;
using Epic16.Domain.Acquisition.RoiTracking;

namespace Epic16.Domain.Persistence.Configurations.Epic16;

public sealed class RoiEntryConfiguration(StoreMapping store) : IEntityTypeConfiguration<RoiEntry>
{
    public void Configure(EntityTypeBuilder<RoiEntry> b)
    {
        store.Table(b, "roi_tracking", "f500_roi_tracking");
        b.Property(r => r.Period).IsRequired();
        store.Pattern(b, b.Property(r => r.Period), "^[0-9]{4}-(0[1-9]|1[0-2])$");
        store.Money(b.Property(r => r.InvestedUsd));
        store.Money(b.Property(r => r.RealizedValueUsd));
        store.Timestamp(b.Property(r => r.RecordedAt));
        b.HasOne<Prospect>().WithMany().HasForeignKey(r => r.ProspectId).OnDelete(DeleteBehavior.NoAction);
        b.HasOne<BusinessCase>().WithMany().HasForeignKey(r => r.BusinessCaseId).OnDelete(DeleteBehavior.NoAction);
        b.HasIndex(r => new { r.ProspectId, r.Period });
    }
}
