namespace Epic16.Domain.Crm;

/// <summary>
/// The Epic 7 open pipeline split into what Epic 16's conversions added (deals whose source is
/// <see cref="ConversionSourcePrefix"/> + prospect id) and the rest, which nothing in Epic 16 may change.
/// </summary>
public sealed record Epic7Pipeline(decimal OpenTotalUsd, decimal FromConversionsUsd)
{
    public const string ConversionSourcePrefix = "epic16:prospect:";

    /// <summary>The open pipeline Epic 16 did not create: the figure the migration must leave untouched.</summary>
    public decimal UntouchedUsd => OpenTotalUsd - FromConversionsUsd;

    public static string ConversionSource(long prospectId) => ConversionSourcePrefix + prospectId.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
