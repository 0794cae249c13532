using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Epic16.Domain.Persistence.Legacy;

namespace Epic16.Domain.Persistence;

/// <summary>The legacy SQLite files: legacy table names and types, every value read through <c>LegacyValueParser</c>.</summary>
public sealed class SqliteMapping : StoreMapping
{
    public static readonly SqliteMapping Instance = new();

    public override bool IsLegacy => true;

    protected override void ConfigureEnum(PropertyBuilder property) =>
        property.HasColumnType("TEXT").HasConversion(LegacyConverters.Enum(WordsOf(property.Metadata)));

    protected override void ConfigureDecimal(PropertyBuilder property, string storeType) =>
        property.HasColumnType("REAL").HasConversion(LegacyConverters.Decimal(DecimalsOf(storeType), LimitOf(storeType)));

    protected override void ConfigureTimestamp(PropertyBuilder property) =>
        property.HasColumnType("TEXT").HasConversion(property.Metadata.IsNullable ? LegacyConverters.NullableTimestamp : LegacyConverters.Timestamp);

    protected override void ConfigureDate(PropertyBuilder property) =>
        property.HasColumnType("TEXT").HasConversion(property.Metadata.IsNullable ? LegacyConverters.NullableDate : LegacyConverters.Date);

    protected override void ConfigureBoolean(PropertyBuilder property) =>
        property.HasColumnType("INTEGER").HasConversion(LegacyConverters.Boolean);

    protected override void ConfigureJson(PropertyBuilder property) => property.HasColumnType("TEXT");
}
