using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure.Internal;
using Npgsql.EntityFrameworkCore.PostgreSQL.Migrations;

namespace Epic16.Domain.Persistence;

/// <summary>
/// Every Epic 16 foreign key is DEFERRABLE INITIALLY IMMEDIATE: normal writes are checked at once, and the bulk
/// migrator defers the checks so it can reload a parent table whole (same ids) inside one transaction.
/// </summary>
#pragma warning disable EF1001 // Npgsql's generator and options types are the documented extension points.
public sealed class DeferrableForeignKeysSqlGenerator(MigrationsSqlGeneratorDependencies dependencies, INpgsqlSingletonOptions options)
    : NpgsqlMigrationsSqlGenerator(dependencies, options)
{
    protected override void ForeignKeyConstraint(AddForeignKeyOperation operation, IModel? model, MigrationCommandListBuilder builder)
    {
        base.ForeignKeyConstraint(operation, model, builder);
        builder.Append(" DEFERRABLE INITIALLY IMMEDIATE");
    }
}
#pragma warning restore EF1001
