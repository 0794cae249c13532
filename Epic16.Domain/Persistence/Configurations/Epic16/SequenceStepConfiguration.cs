using Epic16.Domain.Acquisition;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Epic16.Domain.Acquisition.Prospects;
using Epic16.Domain.Acquisition.Sequences;

namespace Epic16.Domain.Persistence.Configurations.Epic16;

public sealed class SequenceStepConfiguration(StoreMapping store) : IEntityTypeConfiguration<SequenceStep>
{
    public void Configure(EntityTypeBuilder<SequenceStep> b)
    {
        store.Table(b, "sales_sequences", "f500_sales_sequences");
        b.Property(s => s.SequenceName).IsRequired();
        store.Integer(b.Property(s => s.StepNumber));
        store.Enum(b, b.Property(s => s.Channel), SequenceStepStatus.Channels);
        store.Timestamp(b.Property(s => s.ScheduledAt));
        store.Timestamp(b.Property(s => s.SentAt));
        store.Enum(b, b.Property(s => s.Status), SequenceStepStatus.All);
        store.Timestamp(b.Property(s => s.CreatedAt));
        b.HasOne<Prospect>().WithMany().HasForeignKey(s => s.ProspectId).OnDelete(DeleteBehavior.NoAction);
        b.HasIndex(s => new { s.ProspectId, s.SequenceName, s.StepNumber })
            .HasDatabaseName(store.IsLegacy ? "idx_sales_sequences_prospect" : "ix_f500_sales_sequences_prospect_step");
        b.HasIndex(s => new { s.Status, s.ScheduledAt });
    }
}
