using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Epic16.Domain.Persistence.Migrations.Epic16
{
    /// <inheritdoc />
    public partial class PipelineQueryIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_f500_prospects_company_name_c",
                table: "f500_prospects",
                columns: new[] { "company_name", "id" })
                .Annotation("Relational:Collation", new[] { "C", null });

            migrationBuilder.CreateIndex(
                name: "ix_f500_prospects_estimated_arr_usd_id",
                table: "f500_prospects",
                columns: new[] { "estimated_arr_usd", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_f500_prospects_fortune_rank_id",
                table: "f500_prospects",
                columns: new[] { "fortune_rank", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_f500_prospects_lead_score_id",
                table: "f500_prospects",
                columns: new[] { "lead_score", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_f500_prospects_status_estimated_arr_usd",
                table: "f500_prospects",
                columns: new[] { "status", "estimated_arr_usd" });

            migrationBuilder.CreateIndex(
                name: "ix_f500_prospects_updated_at_id",
                table: "f500_prospects",
                columns: new[] { "updated_at", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_f500_prospects_company_name_c",
                table: "f500_prospects");

            migrationBuilder.DropIndex(
                name: "ix_f500_prospects_estimated_arr_usd_id",
                table: "f500_prospects");

            migrationBuilder.DropIndex(
                name: "ix_f500_prospects_fortune_rank_id",
                table: "f500_prospects");

            migrationBuilder.DropIndex(
                name: "ix_f500_prospects_lead_score_id",
                table: "f500_prospects");

            migrationBuilder.DropIndex(
                name: "ix_f500_prospects_status_estimated_arr_usd",
                table: "f500_prospects");

            migrationBuilder.DropIndex(
                name: "ix_f500_prospects_updated_at_id",
                table: "f500_prospects");
        }
    }
}
