using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Epic16.Domain.Persistence.Migrations.Platform
{
    /// <inheritdoc />
    public partial class DualWrite : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "migration_dual_write_hours",
                columns: table => new
                {
                    hour = table.Column<DateTime>(type: "timestamptz", nullable: false),
                    instance = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    writes_mirrored = table.Column<long>(type: "bigint", nullable: false),
                    failures = table.Column<long>(type: "bigint", nullable: false),
                    drift_found = table.Column<long>(type: "bigint", nullable: false),
                    drift_repaired = table.Column<long>(type: "bigint", nullable: false),
                    primary_latency = table.Column<string>(type: "jsonb", nullable: false),
                    secondary_latency = table.Column<string>(type: "jsonb", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamptz", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_migration_dual_write_hours", x => new { x.hour, x.instance });
                });

            migrationBuilder.CreateTable(
                name: "migration_store_modes",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    mode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    previous_mode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    changed_at = table.Column<DateTime>(type: "timestamptz", nullable: false),
                    changed_by = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    figures = table.Column<string>(type: "jsonb", nullable: false),
                    emergency = table.Column<bool>(type: "boolean", nullable: false),
                    pause_ms = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_migration_store_modes", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_migration_store_modes_changed_at",
                table: "migration_store_modes",
                column: "changed_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "migration_dual_write_hours");

            migrationBuilder.DropTable(
                name: "migration_store_modes");
        }
    }
}
