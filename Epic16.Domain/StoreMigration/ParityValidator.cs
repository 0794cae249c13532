using System.Diagnostics;
using System.Text.Json;
using Epic16.Domain.Crm;
using Epic16.Domain.Onboarding.Health;
using Epic16.Domain.Persistence;
using Epic16.Domain.Persistence.Legacy;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace Epic16.Domain.StoreMigration;

/// <summary>
/// Compares the two stores: per table the counts and a canonical hash of every row by primary key (missing, extra,
/// different, with samples of the differing columns), the JSON structure of every JSON column, and the business
/// figures computed on both by the same domain code.
/// </summary>
public sealed class ParityValidator(StoreSettings settings, IStoreRouter router, QuarantineLog quarantineLog, CrmService crm, HealthWeights weights)
{
    private const int MaxSamples = 20;

    // The tables other tables refer to: their readable ids are kept for the orphan checks of the tables read after them.
    private static readonly HashSet<Type> Parents =
        [.. LegacyTables.All.SelectMany(t => t.Sqlite.GetForeignKeys()).Select(fk => fk.PrincipalEntityType.ClrType)];

    public async Task<ParityReport> ValidateAsync(IProgress<TableProgress>? progress = null, CancellationToken ct = default)
    {
        LegacyStore.EnsureReadable(settings.LegacyDirectory);
        var clock = Stopwatch.StartNew();
        var quarantined = await quarantineLog.OpenRowsPerTableAsync(ct);
        var tables = new List<TableParity>();
        var samples = new List<MismatchSample>();
        await using (var sqlite = await LegacyConnection.OpenAsync(settings.LegacyDirectory, ct: ct))
        await using (var postgres = new NpgsqlConnection(settings.PostgresConnectionString))
        {
            await postgres.OpenAsync(ct);
            var validIds = new Dictionary<Type, HashSet<long>>();
            for (var i = 0; i < LegacyTables.All.Count; i++)
            {
                var table = LegacyTables.All[i];
                var tableClock = Stopwatch.StartNew();
                progress?.Report(new TableProgress(table.LegacyName, i, LegacyTables.All.Count, 0, 0, 0, tableClock.Elapsed));
                var reader = new LegacyRowReader(table, validIds);

                var diff = await TableMerge.CompareAsync(sqlite, postgres, reader, MaxSamples - samples.Count, Parents.Contains(table.EntityType), ct);
                var (source, unreadable) = (diff.SourceRows, diff.Unreadable);
                if (diff.ReadableIds is { } readable)
                {
                    validIds[table.EntityType] = readable;
                }

                tables.Add(new TableParity(table.LegacyName, table.TargetName, source, diff.TargetRows,
                    Math.Max(unreadable, quarantined.GetValueOrDefault(table.LegacyName)), diff.Missing, diff.Extra, diff.Different, diff.JsonErrors));
                foreach (var (id, kind) in diff.FirstMismatches)
                {
                    samples.Add(await SampleAsync(sqlite, postgres, reader, id, kind, ct));
                }

                progress?.Report(new TableProgress(table.LegacyName, i, LegacyTables.All.Count, source, source, unreadable, tableClock.Elapsed));
            }
        }

        var (figures, health) = await FiguresAsync(ct);
        return new ParityReport(tables, figures, samples, clock.ElapsedMilliseconds) { HealthRecalculation = health };
    }

    /// <summary>Both sides of one mismatching row, column by column.</summary>
    private static async Task<MismatchSample> SampleAsync(SqliteConnection sqlite, NpgsqlConnection postgres, LegacyRowReader reader, long id, string kind, CancellationToken ct)
    {
        var table = reader.Table;
        var legacyValues = await LegacyValuesAsync(sqlite, reader, id, ct);
        var targetValues = await TargetValuesAsync(postgres, table, id, ct);
        var differences = new List<ColumnDifference>();
        for (var i = 0; i < table.Properties.Count; i++)
        {
            var property = table.Properties[i];
            var left = legacyValues is null ? "(no row)" : RowCanon.Value(property, legacyValues[i]);
            var right = targetValues is null ? "(no row)" : RowCanon.Value(property, targetValues[i]);
            if (left != right)
            {
                differences.Add(new ColumnDifference(property.GetColumnName(), Clip(left), Clip(right)));
            }
        }

        return new MismatchSample(table.TargetName, id, kind, differences);
    }

    private static async Task<object?[]?> LegacyValuesAsync(SqliteConnection sqlite, LegacyRowReader reader, long id, CancellationToken ct) =>
        await reader.ReadRawAsync(sqlite, id, ct) is { } raw ? reader.Read(raw).Values : null;

    private static async Task<object?[]?> TargetValuesAsync(NpgsqlConnection postgres, LegacyTable table, long id, CancellationToken ct)
    {
        var columns = table.Properties.Select(p => table.Postgres.FindProperty(p.Name)!.GetColumnName());
        await using var command = new NpgsqlCommand($"SELECT {string.Join(", ", columns)} FROM {table.TargetName} WHERE id = {id}", postgres);
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct))
        {
            return null;
        }

        var values = new object?[reader.FieldCount];
        reader.GetValues(values!);
        return values.Select(v => v is DBNull ? null : v).ToArray();
    }

    // The business figures on both stores, and the legacy health scores recomputed from the legacy store's own inputs.
    private async Task<(IReadOnlyList<BusinessFigure> Figures, HealthRecalculation Health)> FiguresAsync(CancellationToken ct)
    {
        await using var sqlite = await router.CreateContextAsync(StoreKind.Sqlite, ct);
        await using var postgres = await router.CreateContextAsync(StoreKind.Postgres, ct);
        var left = await BusinessFigures.ComputeAsync(sqlite, ct);
        var right = await BusinessFigures.ComputeAsync(postgres, ct);
        var scored = await sqlite.HealthMetrics.AsNoTracking().Where(h => h.HealthScore != null).ToListAsync(ct);
        return (BusinessFigures.Compare(left, right, await crm.OpenPipelineValueAsync(ct)), HealthRecalculation.Of(LegacyScoreVariance.Compute(scored, weights)));
    }


    private static string Clip(string value) => value.Length <= 200 ? value : value[..200] + "…";
}
