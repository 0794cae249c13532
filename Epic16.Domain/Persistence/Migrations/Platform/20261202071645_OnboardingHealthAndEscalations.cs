using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Epic16.Domain.Persistence.Migrations.Platform
{
    /// <inheritdoc />
    public partial class OnboardingHealthAndEscalations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "onboarding_escalations",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    client_id = table.Column<long>(type: "bigint", nullable: false),
                    reason = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    detail = table.Column<string>(type: "text", nullable: false),
                    owner = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    raised_on = table.Column<DateOnly>(type: "date", nullable: false),
                    due_on = table.Column<DateOnly>(type: "date", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    raised_at = table.Column<DateTime>(type: "timestamptz", nullable: false),
                    acknowledged_at = table.Column<DateTime>(type: "timestamptz", nullable: true),
                    acknowledged_by = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: true),
                    acknowledge_note = table.Column<string>(type: "text", nullable: true),
                    resolved_at = table.Column<DateTime>(type: "timestamptz", nullable: true),
                    resolved_by = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: true),
                    resolve_note = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_onboarding_escalations", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "onboarding_health_snapshots",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    client_id = table.Column<long>(type: "bigint", nullable: false),
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    score = table.Column<decimal>(type: "numeric(6,2)", nullable: true),
                    band = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    coverage_percent = table.Column<decimal>(type: "numeric(6,2)", nullable: false),
                    breakdown = table.Column<string>(type: "jsonb", nullable: false),
                    recorded_at = table.Column<DateTime>(type: "timestamptz", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_onboarding_health_snapshots", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_onboarding_escalations_status_owner",
                table: "onboarding_escalations",
                columns: new[] { "status", "owner" });

            migrationBuilder.CreateIndex(
                name: "ux_onboarding_escalations_open",
                table: "onboarding_escalations",
                columns: new[] { "client_id", "reason" },
                unique: true,
                filter: "status <> 'resolved'");

            migrationBuilder.CreateIndex(
                name: "ix_onboarding_health_snapshots_client_id_day",
                table: "onboarding_health_snapshots",
                columns: new[] { "client_id", "day" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_onboarding_health_snapshots_day",
                table: "onboarding_health_snapshots",
                column: "day");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "onboarding_escalations");

            migrationBuilder.DropTable(
                name: "onboarding_health_snapshots");
        }
    }
}
