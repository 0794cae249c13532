using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Epic16.Domain.Persistence.Migrations.Platform
{
    /// <inheritdoc />
    public partial class HealthBoardRows : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "cs_health_board",
                columns: table => new
                {
                    client_id = table.Column<long>(type: "bigint", nullable: false),
                    company_name = table.Column<string>(type: "text", nullable: false),
                    name_key = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    csm_owner = table.Column<string>(type: "text", nullable: true),
                    csm_key = table.Column<string>(type: "text", nullable: true),
                    day = table.Column<DateOnly>(type: "date", nullable: true),
                    score = table.Column<decimal>(type: "numeric(6,2)", nullable: true),
                    band = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    band_rank = table.Column<int>(type: "integer", nullable: false),
                    trend = table.Column<decimal>(type: "numeric(6,2)", nullable: true),
                    coverage_percent = table.Column<decimal>(type: "numeric(6,2)", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamptz", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cs_health_board", x => x.client_id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_cs_health_board_band_rank_score_name_key_client_id",
                table: "cs_health_board",
                columns: new[] { "band_rank", "score", "name_key", "client_id" });

            migrationBuilder.CreateIndex(
                name: "ix_cs_health_board_csm_key_band_rank_score_name_key_client_id",
                table: "cs_health_board",
                columns: new[] { "csm_key", "band_rank", "score", "name_key", "client_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "cs_health_board");
        }
    }
}
