using Epic16.Domain.Acquisition;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Epic16.Domain.Acquisition.BusinessCases;
using Epic16.Domain.Acquisition.Prospects;

namespace Epic16.Domain.Persistence.Configurations.Epic16;

public sealed class BusinessCaseConfiguration(StoreMapping store) : IEntityTypeConfiguration<BusinessCase>
{
    public void Configure(EntityTypeBuilder<BusinessCase> b)
    {
        store.Table(b, "business_cases", "f500_business_cases");
        b.Property(c => c.Title).IsRequired();
        store.Money(b.Property(c => c.InvestmentUsd));
        store.Money(b.Property(c => c.AnnualBenefitUsd));
        store.Integer(b.Property(c => c.HorizonYears));
        store.Range(b, b.Property(c => c.HorizonYears), 1, 30);
        store.Rate(b, b.Property(c => c.DiscountRate));
        store.Money(b.Property(c => c.RoiPercent));
        store.Money(b.Property(c => c.PaybackMonths));
        store.Money(b.Property(c => c.NpvUsd));
        store.Json(b.Property(c => c.Assumptions));
        store.Enum(b, b.Property(c => c.Status), BusinessCaseStatus.All);
        store.Timestamp(b.Property(c => c.CreatedAt));
        store.Timestamp(b.Property(c => c.UpdatedAt));
        b.HasOne<Prospect>().WithMany().HasForeignKey(c => c.ProspectId).OnDelete(DeleteBehavior.NoAction);
        b.HasIndex(c => new { c.ProspectId, c.Status });
    }
}
