using Epic16.Domain.Onboarding;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Epic16.Domain.Persistence.Configurations.Epic16;

public sealed class CommunicationConfiguration(StoreMapping store) : IEntityTypeConfiguration<Communication>
{
    public void Configure(EntityTypeBuilder<Communication> b)
    {
        store.Table(b, "communications", "onboarding_communications");
        store.Enum(b, b.Property(c => c.Channel), OnboardingVocabulary.Channels);
        store.Enum(b, b.Property(c => c.Direction), OnboardingVocabulary.Directions);
        store.Timestamp(b.Property(c => c.OccurredAt));
        b.HasOne<OnboardingClient>().WithMany().HasForeignKey(c => c.ClientId).OnDelete(DeleteBehavior.NoAction);
        b.HasIndex(c => new { c.ClientId, c.OccurredAt }).HasDatabaseName(store.IsLegacy ? "idx_communications_client" : "ix_onboarding_communications_client_occurred");
    }
}
