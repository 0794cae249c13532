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
        health_recalculation = report.HealthRecalculation is { } h
            ? new { clients = h.Clients, variance_percent = h.VariancePercent, bands_agreeing = h.BandsAgreeing, trigger_percent = h.TriggerPercent, tripped = h.Tripped }
            : null,
        parity_percent = report.ParityPercent,
        quarantined_rows = report.QuarantinedRows,
        matches = report.Matches,
        duration_ms = report.DurationMs,
    }, Options);

    /// <summary>Reads back a recorded validation (<see cref="Of(ParityReport)"/>): tables, business figures and samples.</summary>
    public static ParityReport ParityFrom(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var tables = root.GetProperty("tables").EnumerateArray().Select(t => new TableParity(
            t.GetProperty("legacy_table").GetString()!,
            t.GetProperty("target_table").GetString()!,
            t.GetProperty("source_rows").GetInt64(),
            t.GetProperty("target_rows").GetInt64(),
            t.GetProperty("quarantined_rows").GetInt64(),
            t.GetProperty("missing").GetInt64(),
            t.GetProperty("extra").GetInt64(),
            t.GetProperty("different").GetInt64(),
            t.GetProperty("json_errors").GetInt64())).ToList();
        var figures = root.GetProperty("business_figures").EnumerateArray().Select(f => new BusinessFigure(
            f.GetProperty("name").GetString()!,
            f.GetProperty("sqlite").GetDecimal(),
            f.GetProperty("postgres").GetDecimal())).ToList();
        var samples = root.GetProperty("samples").EnumerateArray().Select(s => new MismatchSample(
            s.GetProperty("target_table").GetString()!,
            s.GetProperty("id").GetInt64(),
            s.GetProperty("kind").GetString()!,
            s.GetProperty("columns").EnumerateArray()
                .Select(c => new ColumnDifference(c.GetProperty("column").GetString()!, c.GetProperty("sqlite").GetString()!, c.GetProperty("postgres").GetString()!))
                .ToList())).ToList();
        var health = root.TryGetProperty("health_recalculation", out var h) && h.ValueKind == JsonValueKind.Object
            ? new HealthRecalculation(h.GetProperty("clients").GetInt32(),
                h.GetProperty("variance_percent").ValueKind == JsonValueKind.Null ? null : h.GetProperty("variance_percent").GetDecimal(), h.GetProperty("bands_agreeing").GetInt32())
            : null;
        return new ParityReport(tables, figures, samples, root.GetProperty("duration_ms").GetInt64()) { HealthRecalculation = health };
    }
}
