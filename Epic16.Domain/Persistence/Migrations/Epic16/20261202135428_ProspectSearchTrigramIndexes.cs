using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Epic16.Domain.Persistence.Migrations.Epic16
{
    /// <summary>
    /// Trigram indexes for the prospect search (`lower(column) LIKE '%text%'` on company, industry and owner; see
    /// ProspectFilter): without them every search reads all 100k prospects. pg_trgm is a trusted extension, so the
    /// database owner may create it. Not in the EF model (EF has no expression indexes); `migrate`'s load window keeps them,
    /// since it drops and rebuilds whatever pg_indexes lists.
    /// </summary>
    public partial class ProspectSearchTrigramIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS pg_trgm;");
            migrationBuilder.Sql("CREATE INDEX ix_f500_prospects_company_name_trgm ON f500_prospects USING gin (lower(company_name) gin_trgm_ops);");
            migrationBuilder.Sql("CREATE INDEX ix_f500_prospects_industry_trgm ON f500_prospects USING gin (lower(industry) gin_trgm_ops);");
            migrationBuilder.Sql("CREATE INDEX ix_f500_prospects_owner_trgm ON f500_prospects USING gin (lower(owner) gin_trgm_ops);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX IF EXISTS ix_f500_prospects_owner_trgm;");
            migrationBuilder.Sql("DROP INDEX IF EXISTS ix_f500_prospects_industry_trgm;");
            migrationBuilder.Sql("DROP INDEX IF EXISTS ix_f500_prospects_company_name_trgm;");
        }
    }
}
