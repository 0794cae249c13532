using Epic16.Dashboard.Components.Charts;
using Epic16.Dashboard.Components.Shared;
using Epic16.Domain.Security;
using Epic16.Domain.StoreMigration;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;

namespace Epic16.Dashboard.Components.Pages.Migration;

public partial class MigrationPage
{
    [Inject] private MigrationOperations Operations { get; set; } = default!;
    [Inject] private MigrationStatus Status { get; set; } = default!;
    [Inject] private ICurrentUser CurrentUser { get; set; } = default!;
    [Inject] private IJSRuntime Js { get; set; } = default!;

    private IReadOnlyList<TableStatus> _tables = [];
    private IReadOnlyList<MigrationRun> _runs = [];
    private IReadOnlyList<QuarantinedRow> _quarantine = [];
    private IReadOnlyList<BackupInfo> _backups = [];
    private ParityRun? _latestParity;
    private Dictionary<string, decimal> _tableParity = [];
    private string? _legacyProblem;
    private bool _busy;
    private string _operation = "";
    private TableProgress? _progress;
    private string? _message;
    private Severity _messageSeverity = Severity.Info;

    // The live region's text: the operation, each table as it starts, and the result; never every row-count tick.
    private string? ProgressAnnouncement => _message
        ?? (!_busy ? null : _progress is { } t ? $"{_operation}: table {t.TableIndex + 1} of {t.TableCount}, {t.LegacyTable}." : $"{_operation} started.");

    private double Percent => !_busy ? 100 : _progress is { } p ? 100.0 * (p.TableIndex + p.Fraction) / Math.Max(1, p.TableCount) : 0;

    protected override Task OnInitializedAsync() => RefreshAsync();

    private async Task RefreshAsync()
    {
        (_tables, _legacyProblem) = await Status.TablesAsync(CurrentUser);
        _runs = await Operations.RecentRunsAsync(CurrentUser);
        _quarantine = await Status.QuarantineAsync(CurrentUser);
        _latestParity = await Operations.LatestParityAsync(CurrentUser);
        _backups = await Operations.ListBackupsAsync(CurrentUser, verify: false);
        _tableParity = _latestParity is null ? [] : TableParity(_latestParity.Report);
    }

    private ApexChartOptions RowsChart => new(ApexChartType.Bar)
    {
        Height = 360,
        Horizontal = true,
        Categories = [.. _tables.Select(t => t.TargetTable)],
        Colors = ["#1f4e8c", "#00897b"],
    };

    private IReadOnlyList<ChartSeries> RowsSeries =>
    [
        new("SQLite", [.. _tables.Select(t => (decimal?)t.SqliteRows)]),
        new("PostgreSQL", [.. _tables.Select(t => (decimal?)t.PostgresRows)]),
    ];

    private decimal? ParityOf(string targetTable) => _tableParity.TryGetValue(targetTable, out var parity) ? parity : null;

    private Task MigrateAsync() => RunAsync("Migrate", async progress =>
    {
        var report = await Operations.MigrateAsync(CurrentUser, progress: progress);
        _messageSeverity = report.Failed ? Severity.Error : report.QuarantinedRows > 0 ? Severity.Warning : Severity.Success;
        _message = report.Failed
            ? $"Migration failed: {report.Error}"
            : $"Migrated {report.MigratedRows:N0} of {report.SourceRows:N0} rows in {report.DurationMs:N0} ms; {report.QuarantinedRows:N0} quarantined; parity {report.ParityPercent:0.##} %.";
    });

    private Task ValidateAsync() => RunAsync("Validate", async progress =>
    {
        var report = await Operations.ValidateAsync(CurrentUser, progress);
        _messageSeverity = report.Matches ? Severity.Success : Severity.Error;
        var worst = report.BusinessFigures.Count == 0 ? 0 : report.BusinessFigures.Max(f => f.VariancePercent);
        _message = $"Parity {report.ParityPercent:0.##} % · {(report.Matches ? "the stores match" : "MISMATCH")} · largest business-figure variance {worst:0.####} % · {report.QuarantinedRows:N0} quarantined row(s) reported apart.";
    });

    private Task BackupAsync() => RunAsync("Backup", async _ =>
    {
        var result = await Operations.BackupAsync(CurrentUser);
        _messageSeverity = Severity.Success;
        _message = $"Backup {Path.GetFileName(result.Directory)}: {result.Manifest.Files.Count} files, {result.Manifest.TotalRows:N0} rows, checked (sha256, integrity, row counts){(result.Pruned.Count > 0 ? $"; {result.Pruned.Count} old backup(s) pruned" : "")}.";
    });

    private async Task RunAsync(string operation, Func<IProgress<TableProgress>, Task> run)
    {
        _busy = true;
        _operation = operation;
        _message = null;
        _progress = null;
        var progress = new ThrottledProgress<TableProgress>(p =>
        {
            _progress = p;
            return InvokeAsync(StateHasChanged);
        });
        try
        {
            await run(progress);
        }
        catch (Exception e) when (e is Epic16.Domain.Persistence.StoreUnavailableException or AccessDeniedException or InvalidOperationException or IOException)
        {
            _messageSeverity = Severity.Error;
            _message = $"{operation} could not run: {e.Message}";
        }
        finally
        {
            _busy = false;
            await RefreshAsync();
        }
    }

    private async Task ExportTablesAsync() =>
        await Js.DownloadCsvAsync("migration-tables.csv", CsvFile.Write(_tables,
            ("legacy_table", t => t.LegacyTable), ("target_table", t => t.TargetTable), ("sqlite_rows", t => t.SqliteRows),
            ("postgres_rows", t => t.PostgresRows), ("quarantined_rows", t => t.QuarantinedRows), ("parity_percent", t => ParityOf(t.TargetTable))));

    private static Dictionary<string, decimal> TableParity(string report) =>
        ReportJson.ParityFrom(report).Tables.ToDictionary(t => t.TargetTable, t => t.ParityPercent);
}
