using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Epic16.Domain.Persistence.Migrations.Epic16
{
    /// <summary>
    /// Each stage's prospect count and ARR total, kept current by statement-level triggers on f500_prospects, so the
    /// unfiltered kanban reads eight rows instead of adding up 100k (issue 15: 44 ms of its 92 ms p95 went to that sum).
    /// The triggers see every way rows arrive: EF's writes and the mirror's, the reconciler's repairs, and `migrate`'s
    /// TRUNCATE + COPY (a COPY fires the INSERT trigger once with all its rows). An UPDATE that moves no row between stages
    /// and changes no ARR touches no total, so it takes no lock on them; totals are upserted in stage order, so two
    /// transactions moving cards lock the stages they share in the same order. Not in the EF model: it is derived, read
    /// only by PipelineBoardService on PostgreSQL, and has no counterpart in the legacy files.
    /// </summary>
    public partial class ProspectStageTotals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE pipeline_stage_totals (
                    status text PRIMARY KEY,
                    prospects bigint NOT NULL,
                    arr_usd numeric NOT NULL);

                CREATE FUNCTION pipeline_stage_totals_add() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO pipeline_stage_totals AS t (status, prospects, arr_usd)
                    SELECT status, sum(n), sum(arr) FROM (
                        SELECT status, 1 AS n, coalesce(estimated_arr_usd, 0) AS arr FROM added
                        UNION ALL
                        SELECT status, -1, -coalesce(estimated_arr_usd, 0) FROM removed) changes
                    GROUP BY status HAVING sum(n) <> 0 OR sum(arr) <> 0
                    ORDER BY status
                    ON CONFLICT (status) DO UPDATE SET prospects = t.prospects + excluded.prospects, arr_usd = t.arr_usd + excluded.arr_usd;
                    RETURN NULL;
                END $$;

                CREATE FUNCTION pipeline_stage_totals_insert() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO pipeline_stage_totals AS t (status, prospects, arr_usd)
                    SELECT status, count(*), coalesce(sum(estimated_arr_usd), 0) FROM added GROUP BY status ORDER BY status
                    ON CONFLICT (status) DO UPDATE SET prospects = t.prospects + excluded.prospects, arr_usd = t.arr_usd + excluded.arr_usd;
                    RETURN NULL;
                END $$;

                CREATE FUNCTION pipeline_stage_totals_delete() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO pipeline_stage_totals AS t (status, prospects, arr_usd)
                    SELECT status, -count(*), -coalesce(sum(estimated_arr_usd), 0) FROM removed GROUP BY status ORDER BY status
                    ON CONFLICT (status) DO UPDATE SET prospects = t.prospects + excluded.prospects, arr_usd = t.arr_usd + excluded.arr_usd;
                    RETURN NULL;
                END $$;

                CREATE FUNCTION pipeline_stage_totals_clear() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    DELETE FROM pipeline_stage_totals;
                    RETURN NULL;
                END $$;

                CREATE TRIGGER f500_prospects_stage_totals_insert AFTER INSERT ON f500_prospects
                    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION pipeline_stage_totals_insert();
                CREATE TRIGGER f500_prospects_stage_totals_update AFTER UPDATE ON f500_prospects
                    REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION pipeline_stage_totals_add();
                CREATE TRIGGER f500_prospects_stage_totals_delete AFTER DELETE ON f500_prospects
                    REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION pipeline_stage_totals_delete();
                CREATE TRIGGER f500_prospects_stage_totals_truncate AFTER TRUNCATE ON f500_prospects
                    FOR EACH STATEMENT EXECUTE FUNCTION pipeline_stage_totals_clear();

                INSERT INTO pipeline_stage_totals (status, prospects, arr_usd)
                SELECT status, count(*), coalesce(sum(estimated_arr_usd), 0) FROM f500_prospects GROUP BY status;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS f500_prospects_stage_totals_truncate ON f500_prospects;
                DROP TRIGGER IF EXISTS f500_prospects_stage_totals_delete ON f500_prospects;
                DROP TRIGGER IF EXISTS f500_prospects_stage_totals_update ON f500_prospects;
                DROP TRIGGER IF EXISTS f500_prospects_stage_totals_insert ON f500_prospects;
                DROP FUNCTION IF EXISTS pipeline_stage_totals_clear();
                DROP FUNCTION IF EXISTS pipeline_stage_totals_delete();
                DROP FUNCTION IF EXISTS pipeline_stage_totals_insert();
                DROP FUNCTION IF EXISTS pipeline_stage_totals_add();
                DROP TABLE IF EXISTS pipeline_stage_totals;
                """);
        }
    }
}
