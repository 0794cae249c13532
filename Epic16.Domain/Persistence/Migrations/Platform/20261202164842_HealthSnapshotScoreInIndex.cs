using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Epic16.Domain.Persistence.Migrations.Platform
{
    /// <inheritdoc />
    public partial class HealthSnapshotScoreInIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_cs_health_snapshots_client_id_day",
                table: "cs_health_snapshots");

            migrationBuilder.CreateIndex(
                name: "ix_cs_health_snapshots_client_id_day",
                table: "cs_health_snapshots",
                columns: new[] { "client_id", "day" },
                unique: true)
                .Annotation("Npgsql:IndexInclude", new[] { "score" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_cs_health_snapshots_client_id_day",
                table: "cs_health_snapshots");

            migrationBuilder.CreateIndex(
                name: "ix_cs_health_snapshots_client_id_day",
                table: "cs_health_snapshots",
                columns: new[] { "client_id", "day" },
                unique: true);
        }
    }
}
