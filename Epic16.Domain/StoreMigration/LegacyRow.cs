using Epic16.Domain.Persistence.Legacy;

namespace Epic16.Domain.StoreMigration;

/// <summary>A legacy row converted to typed values (in <see cref="Persistence.LegacyTable.Properties"/> order), or its rejections.</summary>
public sealed record LegacyRow(long Id, object?[] Values, IReadOnlyList<Rejection> Rejections)
{
    public bool Ok => Rejections.Count == 0;
}
