using Epic16.Domain.StoreMigration;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Epic16.Domain.Persistence.Legacy;

namespace Epic16.Domain.Persistence;

/// <summary>
/// EF value converters for the legacy SQLite columns, all built on <see cref="LegacyValueParser"/>: they read every
/// legacy form and write the canonical one. A value they cannot read belongs to a quarantined row, which the
/// query filters keep out of every query.
/// </summary>
public static class LegacyConverters
{
    public static readonly ValueConverter<DateTime, string> Timestamp = new(
        v => LegacyValueFormat.FormatTimestamp(v),
        raw => LegacyValueParser.Timestamp(raw).ValueOrThrow()!.Value);

    public static readonly ValueConverter<DateTime?, string> NullableTimestamp = new(
        v => LegacyValueFormat.FormatTimestamp(v!.Value),
        raw => LegacyValueParser.Timestamp(raw).ValueOrThrow());

    public static readonly ValueConverter<DateOnly, string> Date = new(
        v => LegacyValueFormat.FormatDate(v),
        raw => LegacyValueParser.Date(raw).ValueOrThrow()!.Value);

    public static readonly ValueConverter<DateOnly?, string> NullableDate = new(
        v => LegacyValueFormat.FormatDate(v!.Value),
        raw => LegacyValueParser.Date(raw).ValueOrThrow());

    public static readonly ValueConverter<bool, long> Boolean = new(v => v ? 1L : 0L, raw => raw != 0);

    public static ValueConverter<decimal, double> Decimal(int decimals, decimal limit) => new(
        v => LegacyValueFormat.ToReal(v),
        raw => LegacyValueParser.Decimal(raw, decimals, limit).ValueOrThrow()!.Value);

    public static ValueConverter<string, string> Enum(IReadOnlyList<string> words) => new(
        v => v,
        raw => LegacyValueParser.Enum(raw, words).ValueOrThrow()!);
}
