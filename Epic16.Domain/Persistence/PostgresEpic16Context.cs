using Microsoft.EntityFrameworkCore;

namespace Epic16.Domain.Persistence;

/// <summary>The Epic 16 tables in PostgreSQL (`f500_*`, `abm_*`, `onboarding_*`); EF migrations own this schema.</summary>
public sealed class PostgresEpic16Context(DbContextOptions<PostgresEpic16Context> options, QuarantinedIds? quarantined = null)
    : Epic16Context(options, quarantined ?? QuarantinedIds.None)
{
    public const string MigrationsHistoryTable = "__ef_migrations_history_epic16";

    public override StoreKind Store => StoreKind.Postgres;

    protected override StoreMapping Mapping => PostgresMapping.Instance;
}
