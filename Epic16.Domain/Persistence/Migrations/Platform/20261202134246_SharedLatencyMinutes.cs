using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Epic16.Domain.Persistence.Migrations.Platform
{
    /// <inheritdoc />
    public partial class SharedLatencyMinutes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "monitoring_latency_minutes",
                columns: table => new
                {
                    minute = table.Column<DateTime>(type: "timestamptz", nullable: false),
                    store = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    instance = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    commands = table.Column<long>(type: "bigint", nullable: false),
                    errors = table.Column<long>(type: "bigint", nullable: false),
                    latency = table.Column<string>(type: "jsonb", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamptz", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_monitoring_latency_minutes", x => new { x.minute, x.store, x.instance });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "monitoring_latency_minutes");
        }
    }
}
