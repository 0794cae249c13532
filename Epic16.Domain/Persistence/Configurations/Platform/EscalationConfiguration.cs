using Epic16.Domain.Onboarding.Escalations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Epic16.Domain.Persistence.Configurations.Platform;

public sealed class EscalationConfiguration : IEntityTypeConfiguration<Escalation>
{
    public void Configure(EntityTypeBuilder<Escalation> b)
    {
        b.ToTable("onboarding_escalations");
        b.Property(e => e.Reason).HasMaxLength(60);
        b.Property(e => e.Owner).HasMaxLength(320);
        b.Property(e => e.Status).HasMaxLength(20);
        b.Property(e => e.RaisedOn).HasColumnType("date");
        b.Property(e => e.DueOn).HasColumnType("date");
        b.Property(e => e.RaisedAt).HasColumnType("timestamptz");
        b.Property(e => e.AcknowledgedAt).HasColumnType("timestamptz");
        b.Property(e => e.AcknowledgedBy).HasMaxLength(320);
        b.Property(e => e.ResolvedAt).HasColumnType("timestamptz");
        b.Property(e => e.ResolvedBy).HasMaxLength(320);
        // One open escalation per client and reason, held by the database too (two instances may run the daily job).
        b.HasIndex(e => new { e.ClientId, e.Reason }).IsUnique().HasFilter("status <> 'resolved'").HasDatabaseName("ux_onboarding_escalations_open");
        b.HasIndex(e => new { e.Status, e.Owner });
    }
}
