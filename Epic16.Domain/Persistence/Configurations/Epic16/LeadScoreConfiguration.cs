using Epic16.Domain.Acquisition;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Epic16.Domain.Acquisition.Prospects;
using Epic16.Domain.Acquisition.Scoring;

namespace Epic16.Domain.Persistence.Configurations.Epic16;

public sealed class LeadScoreConfiguration(StoreMapping store) : IEntityTypeConfiguration<LeadScore>
{
    public void Configure(EntityTypeBuilder<LeadScore> b)
    {
        store.Table(b, "lead_scoring", "f500_lead_scoring");
        store.Score(b, b.Property(s => s.Score));
        store.Score(b, b.Property(s => s.FitScore));
        store.Score(b, b.Property(s => s.IntentScore));
        store.Score(b, b.Property(s => s.EngagementScore));
        store.Json(b.Property(s => s.Factors));
        store.Timestamp(b.Property(s => s.ScoredAt));
        b.HasOne<Prospect>().WithMany().HasForeignKey(s => s.ProspectId).OnDelete(DeleteBehavior.NoAction);
        b.HasIndex(s => new { s.ProspectId, s.ScoredAt }).HasDatabaseName(store.IsLegacy ? "idx_lead_scoring_prospect" : "ix_f500_lead_scoring_prospect_scored");
    }
}
