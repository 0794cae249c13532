using Epic16.Domain.Onboarding;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Epic16.Domain.Persistence.Configurations.Epic16;

public sealed class HealthMetricConfiguration(StoreMapping store) : IEntityTypeConfiguration<HealthMetric>
{
    public void Configure(EntityTypeBuilder<HealthMetric> b)
    {
        store.Table(b, "health_metrics", "onboarding_health_metrics");
        store.Date(b.Property(h => h.MetricDate));
        store.Score(b, b.Property(h => h.ProductUsage));
        store.Integer(b.Property(h => h.SupportTickets));
        store.Range(b, b.Property(h => h.SupportTickets), 0, 1_000_000);
        store.Integer(b.Property(h => h.Nps));
        store.Range(b, b.Property(h => h.Nps), -100, 100);
        store.Score(b, b.Property(h => h.Engagement));
        store.Score(b, b.Property(h => h.MilestoneProgress));
        store.Score(b, b.Property(h => h.HealthScore));
        store.Enum(b, b.Property(h => h.RiskLevel), OnboardingVocabulary.RiskLevels);
        b.HasOne<OnboardingClient>().WithMany().HasForeignKey(h => h.ClientId).OnDelete(DeleteBehavior.NoAction);
        b.HasIndex(h => new { h.ClientId, h.MetricDate }).IsUnique()
            .HasDatabaseName(store.IsLegacy ? "idx_health_metrics_day" : "ux_onboarding_health_metrics_client_day");
    }
}
