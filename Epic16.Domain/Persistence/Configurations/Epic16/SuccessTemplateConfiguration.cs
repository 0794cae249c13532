using Epic16.Domain.Onboarding;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Epic16.Domain.Persistence.Configurations.Epic16;

public sealed class SuccessTemplateConfiguration(StoreMapping store) : IEntityTypeConfiguration<SuccessTemplate>
{
    public void Configure(EntityTypeBuilder<SuccessTemplate> b)
    {
        store.Table(b, "success_templates", "onboarding_success_templates");
        b.Property(t => t.Name).IsRequired();
        b.Property(t => t.Milestones).IsRequired();
        store.Json(b.Property(t => t.Milestones));
        store.Timestamp(b.Property(t => t.CreatedAt));
        b.HasIndex(t => t.Name).IsUnique();
    }
}
