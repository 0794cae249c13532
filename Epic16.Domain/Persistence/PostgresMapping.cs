using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Epic16.Domain.Persistence;

/// <summary>PostgreSQL (`synapse_business_core`): target table names, numeric, timestamptz, date and jsonb.</summary>
public sealed class PostgresMapping : StoreMapping
{
    public static readonly PostgresMapping Instance = new();

    public override bool IsLegacy => false;

    protected override void ConfigureEnum(PropertyBuilder property) => property.HasColumnType("text");

    protected override void ConfigureDecimal(PropertyBuilder property, string storeType) => property.HasColumnType(storeType);

    protected override void ConfigureTimestamp(PropertyBuilder property) => property.HasColumnType("timestamptz");

    protected override void ConfigureDate(PropertyBuilder property) => property.HasColumnType("date");

    protected override void ConfigureBoolean(PropertyBuilder property) => property.HasColumnType("boolean");

    protected override void ConfigureJson(PropertyBuilder property) => property.HasColumnType("jsonb");
}
