using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Epic16.Domain.Persistence.Migrations.Epic16
{
    /// <inheritdoc />
    public partial class ProspectScoreRangeCovering : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_f500_prospects_lead_score_id",
                table: "f500_prospects");

            migrationBuilder.CreateIndex(
                name: "ix_f500_prospects_lead_score_id",
                table: "f500_prospects",
                columns: new[] { "lead_score", "id" })
                .Annotation("Npgsql:IndexInclude", new[] { "status", "estimated_arr_usd" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_f500_prospects_lead_score_id",
                table: "f500_prospects");

            migrationBuilder.CreateIndex(
                name: "ix_f500_prospects_lead_score_id",
                table: "f500_prospects",
                columns: new[] { "lead_score", "id" });
        }
    }
}
