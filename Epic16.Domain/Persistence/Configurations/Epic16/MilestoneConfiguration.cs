using Epic16.Domain.Onboarding;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Epic16.Domain.Persistence.Configurations.Epic16;

public sealed class MilestoneConfiguration(StoreMapping store) : IEntityTypeConfiguration<Milestone>
{
    public void Configure(EntityTypeBuilder<Milestone> b)
    {
        store.Table(b, "milestones", "onboarding_milestones");
        b.Property(m => m.Name).IsRequired();
        store.Integer(b.Property(m => m.SortOrder));
        store.Date(b.Property(m => m.DueDate));
        store.Timestamp(b.Property(m => m.CompletedAt));
        store.Enum(b, b.Property(m => m.Status), OnboardingVocabulary.MilestoneStatuses);
        store.Json(b.Property(m => m.DependsOn));
        b.HasOne<OnboardingClient>().WithMany().HasForeignKey(m => m.ClientId).OnDelete(DeleteBehavior.NoAction);
        b.HasIndex(m => new { m.ClientId, m.SortOrder }).HasDatabaseName(store.IsLegacy ? "idx_milestones_client" : "ix_onboarding_milestones_client_order");
    }
}
