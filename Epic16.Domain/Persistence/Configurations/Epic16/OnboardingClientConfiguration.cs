using Epic16.Domain.Acquisition;
using Epic16.Domain.Onboarding;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Epic16.Domain.Acquisition.Prospects;

namespace Epic16.Domain.Persistence.Configurations.Epic16;

public sealed class OnboardingClientConfiguration(StoreMapping store) : IEntityTypeConfiguration<OnboardingClient>
{
    public void Configure(EntityTypeBuilder<OnboardingClient> b)
    {
        store.Table(b, "clients", "onboarding_clients");
        b.Property(c => c.CompanyName).IsRequired();
        store.Money(b.Property(c => c.ContractValueUsd));
        store.Date(b.Property(c => c.StartDate));
        store.Date(b.Property(c => c.GoLiveTarget));
        store.Enum(b, b.Property(c => c.Status), OnboardingVocabulary.ClientStatuses);
        store.Timestamp(b.Property(c => c.CreatedAt));
        store.Timestamp(b.Property(c => c.UpdatedAt));
        b.HasOne<Prospect>().WithMany().HasForeignKey(c => c.ProspectId).OnDelete(DeleteBehavior.NoAction);
        b.HasOne<SuccessTemplate>().WithMany().HasForeignKey(c => c.TemplateId).OnDelete(DeleteBehavior.NoAction);
        b.HasIndex(c => new { c.Status, c.CsmOwner });
    }
}
