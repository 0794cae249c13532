using Epic16.Domain.Onboarding.Health;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Epic16.Domain.Persistence.Configurations.Platform;

public sealed class HealthBoardRowConfiguration : IEntityTypeConfiguration<HealthBoardRow>
{
    public void Configure(EntityTypeBuilder<HealthBoardRow> b)
    {
        b.ToTable("cs_health_board");
        b.HasKey(r => r.ClientId);
        b.Property(r => r.ClientId).ValueGeneratedNever();
        // Byte order of the upper-cased name: the ordinal, case-insensitive order the board sorted by in memory, whatever the
        // database's default collation.
        b.Property(r => r.NameKey).UseCollation("C");
        b.Property(r => r.Day).HasColumnType("date");
        b.Property(r => r.Score).HasColumnType("numeric(6,2)");
        b.Property(r => r.Band).HasMaxLength(20);
        b.Property(r => r.Trend).HasColumnType("numeric(6,2)");
        b.Property(r => r.CoveragePercent).HasColumnType("numeric(6,2)");
        b.Property(r => r.UpdatedAt).HasColumnType("timestamptz");
        // The board's order (worst first): the first page of all clients or of one band is an index range read.
        b.HasIndex(r => new { r.BandRank, r.Score, r.NameKey, r.ClientId });
        b.HasIndex(r => new { r.CsmKey, r.BandRank, r.Score, r.NameKey, r.ClientId });
    }
}
