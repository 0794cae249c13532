using Epic16.Domain.Acquisition;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Epic16.Domain.Acquisition.Prospects;

namespace Epic16.Domain.Persistence.Configurations.Epic16;

public sealed class ProspectConfiguration(StoreMapping store) : IEntityTypeConfiguration<Prospect>
{
    public void Configure(EntityTypeBuilder<Prospect> b)
    {
        store.Table(b, "prospects", "f500_prospects");
        b.Property(p => p.CompanyName).IsRequired();
        store.Text(b.Property(p => p.CompanyName));
        store.Integer(b.Property(p => p.FortuneRank));
        store.Range(b, b.Property(p => p.FortuneRank), 1, 500);
        store.Money(b.Property(p => p.AnnualRevenueUsd));
        store.Integer(b.Property(p => p.EmployeeCount));
        store.Enum(b, b.Property(p => p.Status), ProspectStatus.All);
        store.Score(b, b.Property(p => p.LeadScore));
        store.Money(b.Property(p => p.EstimatedArrUsd));
        store.Json(b.Property(p => p.DecisionMakers));
        store.Json(b.Property(p => p.TechStack));
        store.Json(b.Property(p => p.PainPoints));
        store.Timestamp(b.Property(p => p.CreatedAt));
        store.Timestamp(b.Property(p => p.UpdatedAt));

        b.HasIndex(p => p.CompanyName).IsUnique().HasDatabaseName(store.IsLegacy ? "idx_prospects_company" : "ux_f500_prospects_company_name");
        b.HasIndex(p => new { p.Status, p.LeadScore });
        b.HasIndex(p => p.Owner);
        b.HasIndex(p => p.Industry);
        if (!store.IsLegacy)
        {
            // The grid's sort orders and the kanban's per-stage sums read from indexes, so both stay fast with 100k+ prospects
            // (bench/run-acquisition-bench.sh). Names in byte order ("C"), as the grid sorts them on both stores.
            b.HasIndex(p => new { p.CompanyName, p.Id }).UseCollation("C", null!).HasDatabaseName("ix_f500_prospects_company_name_c");
            b.HasIndex(p => new { p.FortuneRank, p.Id });
            // Covering the stage and ARR too: the kanban's score-range sums are an index-only scan of the range.
            b.HasIndex(p => new { p.LeadScore, p.Id }).IncludeProperties(p => new { p.Status, p.EstimatedArrUsd });
            b.HasIndex(p => new { p.EstimatedArrUsd, p.Id });
            b.HasIndex(p => new { p.UpdatedAt, p.Id });
            b.HasIndex(p => new { p.Status, p.EstimatedArrUsd });
            // The executive figures' GROUP BY stage and creation month, and the converted ones' cycle, as index-only scans.
            b.HasIndex(p => new { p.Status, p.CreatedAt }).IncludeProperties(p => new { p.EstimatedArrUsd, p.UpdatedAt });
        }
    }
}
