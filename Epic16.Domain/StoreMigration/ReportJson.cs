using System.Text.Json;

namespace Epic16.Domain.StoreMigration;

/// <summary>The JSON documents `migrate --json` and `validate --json` print, also kept with each recorded run.</summary>
public static class ReportJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Of(MigrationReport report) => JsonSerializer.Serialize(new
    {
        tables = report.Tables.Select(t => new
        {
            legacy_table = t.LegacyTable,
            target_table = t.TargetTable,
            source_rows = t.SourceRows,
            migrated_rows = t.MigratedRows,
            quarantined_rows = t.QuarantinedRows,
            duration_ms = t.DurationMs,
        }),
        totals = new
        {
            source_rows = report.SourceRows,
            migrated_rows = report.MigratedRows,
            quarantined_rows = report.QuarantinedRows,
            duration_ms = report.DurationMs,
        },
        parity_percent = report.ParityPercent,
        outcome = report.Outcome,
        failed_table = report.FailedTable,
        error = report.Error,
    }, Options);

    public static string Of(ParityReport report) => JsonSerializer.Serialize(new
    {
        tables = report.Tables.Select(t => new
        {
            legacy_table = t.LegacyTable,
            target_table = t.TargetTable,
            source_rows = t.SourceRows,
            target_rows = t.TargetRows,
            quarantined_rows = t.QuarantinedRows,
            missing = t.Missing,
            extra = t.Extra,
            different = t.Different,
            json_errors = t.JsonErrors,
            parity_percent = t.ParityPercent,
        }),
        business_figures = report.BusinessFigures.Select(f => new { name = f.Name, sqlite = f.Sqlite, postgres = f.Postgres, variance_percent = f.VariancePercent }),
        samples = report.Samples.Select(s => new
        {
            target_table = s.TargetTable,
            id = s.Id,
            kind = s.Kind,
            columns = s.Columns.Select(c => new { column = c.Column, sqlite = c.Sqlite, postgres = c.Postgres }),
        }),
        parity_percent = report.ParityPercent,
        quarantined_rows = report.QuarantinedRows,
        matches = report.Matches,
        duration_ms = report.DurationMs,
    }, Options);
}
