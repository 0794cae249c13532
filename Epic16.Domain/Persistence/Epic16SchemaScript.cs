using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Epic16.Domain.Persistence;

/// <summary>The seed plan's `epic16_schema.sql`: the PostgreSQL DDL of the 15 tables, generated from the EF migrations.</summary>
public static class Epic16SchemaScript
{
    public const string RelativePath = "database/epic16_schema.sql";

    public static string Generate()
    {
        using var db = new PostgresEpic16Context(Epic16Stores.PostgresOptions("Host=localhost;Database=synapse_business_core"));
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
        return "-- Epic 16 schema for PostgreSQL (synapse_business_core): 15 tables.\n"
            + "-- Generated from the EF Core migrations by `db script`; do not edit by hand (a test fails when it is stale).\n\n"
            + script.Replace("\r\n", "\n", StringComparison.Ordinal).TrimStart('\uFEFF').TrimEnd() + "\n";
    }
}
