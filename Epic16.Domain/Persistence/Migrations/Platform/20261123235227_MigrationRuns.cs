using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Epic16.Domain.Persistence.Migrations.Platform
{
    /// <inheritdoc />
    public partial class MigrationRuns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "migration_parity_runs",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    actor = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    run_at = table.Column<DateTime>(type: "timestamptz", nullable: false),
                    parity_percent = table.Column<decimal>(type: "numeric(6,2)", nullable: false),
                    mismatches = table.Column<long>(type: "bigint", nullable: false),
                    quarantined_rows = table.Column<long>(type: "bigint", nullable: false),
                    max_figure_variance_percent = table.Column<decimal>(type: "numeric(12,4)", nullable: false),
                    matches = table.Column<bool>(type: "boolean", nullable: false),
                    duration_ms = table.Column<long>(type: "bigint", nullable: false),
                    report = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_migration_parity_runs", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "migration_runs",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    actor = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    started_at = table.Column<DateTime>(type: "timestamptz", nullable: false),
                    finished_at = table.Column<DateTime>(type: "timestamptz", nullable: true),
                    tables = table.Column<string>(type: "text", nullable: true),
                    outcome = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    source_rows = table.Column<long>(type: "bigint", nullable: false),
                    migrated_rows = table.Column<long>(type: "bigint", nullable: false),
                    quarantined_rows = table.Column<long>(type: "bigint", nullable: false),
                    parity_percent = table.Column<decimal>(type: "numeric(6,2)", nullable: true),
                    report = table.Column<string>(type: "jsonb", nullable: true),
                    error = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_migration_runs", x => x.id);
                    table.CheckConstraint("ck_migration_runs_outcome", "outcome IN ('running','ok','quarantined','failed')");
                });

            migrationBuilder.CreateIndex(
                name: "ix_migration_parity_runs_run_at",
                table: "migration_parity_runs",
                column: "run_at");

            migrationBuilder.CreateIndex(
                name: "ix_migration_runs_started_at",
                table: "migration_runs",
                column: "started_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "migration_parity_runs");

            migrationBuilder.DropTable(
                name: "migration_runs");
        }
    }
}
