using Epic16.Domain.Acquisition;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Epic16.Domain.Acquisition.Conversion;
using Epic16.Domain.Acquisition.Prospects;

namespace Epic16.Domain.Persistence.Configurations.Epic16;

public sealed class CrmConversionConfiguration(StoreMapping store) : IEntityTypeConfiguration<CrmConversion>
{
    public void Configure(EntityTypeBuilder<CrmConversion> b)
    {
        store.Table(b, "crm_conversions", "f500_crm_conversions");
        b.Property(c => c.DecisionMakerEmail).IsRequired();
        store.Integer(b.Property(c => c.CrmContactId));
        store.Timestamp(b.Property(c => c.ConvertedAt));
        b.HasOne<Prospect>().WithMany().HasForeignKey(c => c.ProspectId).OnDelete(DeleteBehavior.NoAction);
        b.HasIndex(c => new { c.ProspectId, c.DecisionMakerEmail }).IsUnique()
            .HasDatabaseName(store.IsLegacy ? "idx_crm_conversions_unique" : "ux_f500_crm_conversions_prospect_email");
    }
}
