using System.Diagnostics;
using System.Text.Json;
using Epic16.Domain.Crm;
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
public sealed class ParityValidator(StoreSettings settings, IStoreRouter router, QuarantineLog quarantineLog, CrmService crm)
{
    private const int MaxSamples = 20;

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

                // Both sides are read and hashed at the same time, each on its own connection and thread.
                var legacySide = Task.Run(() => HashLegacyAsync(sqlite, reader, ct), ct);
                var postgresSide = Task.Run(() => HashPostgresAsync(postgres, table, ct), ct);
                var (source, legacyHashes, unreadable) = await legacySide;
                var target = await postgresSide;
                validIds[table.EntityType] = [.. legacyHashes.Keys];
                var parity = Compare(table, legacyHashes, target, source, Math.Max(unreadable, quarantined.GetValueOrDefault(table.LegacyName)));
                tables.Add(parity.Table);
                foreach (var (id, kind) in parity.Mismatches.Take(MaxSamples - samples.Count))
                {
                    samples.Add(await SampleAsync(sqlite, postgres, reader, id, kind, ct));
                }

                progress?.Report(new TableProgress(table.LegacyName, i, LegacyTables.All.Count, source, source, unreadable, tableClock.Elapsed));
            }
        }

        var figures = await FiguresAsync(ct);
        return new ParityReport(tables, figures, samples, clock.ElapsedMilliseconds);
    }

    private static async Task<(long Source, Dictionary<long, UInt128> Hashes, long Unreadable)> HashLegacyAsync(SqliteConnection sqlite, LegacyRowReader reader, CancellationToken ct)
    {
        var hashes = new Dictionary<long, UInt128>();
        long source = 0, unreadable = 0;
        var properties = reader.Table.Properties;
        await foreach (var row in reader.ReadAheadAsync(sqlite, ct))
        {
            source++;
            if (row.Ok)
            {
                hashes[row.Id] = RowCanon.Hash(properties, row.Values);
            }
            else
            {
                unreadable++;
            }
        }

        return (source, hashes, unreadable);
    }

    /// <summary>Every PostgreSQL row's id and canonical hash, and whether its JSON columns have the documented shape.</summary>
    internal static async Task<List<(long Id, UInt128 Hash, bool JsonOk)>> HashPostgresAsync(NpgsqlConnection postgres, LegacyTable table, CancellationToken ct)
    {
        var properties = table.Properties.Select(p => table.Postgres.FindProperty(p.Name)!).ToList();
        var json = properties.Select((p, i) => (p, i)).Where(x => StoreMapping.KindOf(x.p) == LegacyKind.Json).ToList();
        var rows = new List<(long, UInt128, bool)>();
        await using var command = new NpgsqlCommand($"SELECT {string.Join(", ", properties.Select(p => p.GetColumnName()))} FROM {table.TargetName} ORDER BY id", postgres);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var values = new object?[properties.Count];
        while (await reader.ReadAsync(ct))
        {
            reader.GetValues(values!);
            var jsonOk = json.All(x => values[x.i] is not string text || HasShape(text, x.p.ClrType));
            rows.Add(((long)values[0]!, RowCanon.Hash(properties, values), jsonOk));
        }

        return rows;
    }

    private static (TableParity Table, List<(long Id, string Kind)> Mismatches) Compare(
        LegacyTable table, Dictionary<long, UInt128> legacy, List<(long Id, UInt128 Hash, bool JsonOk)> target, long source, long quarantined)
    {
        var mismatches = new List<(long, string)>();
        long extra = 0, different = 0, jsonErrors = 0;
        foreach (var (id, hash, jsonOk) in target)
        {
            if (!jsonOk)
            {
                jsonErrors++;
                mismatches.Add((id, "json"));
            }

            if (!legacy.Remove(id, out var expected))
            {
                extra++;
                mismatches.Add((id, "extra"));
            }
            else if (expected != hash)
            {
                different++;
                mismatches.Add((id, "different"));
            }
        }

        mismatches.AddRange(legacy.Keys.Order().Take(MaxSamples).Select(id => (id, "missing")));
        return (new TableParity(table.LegacyName, table.TargetName, source, target.Count, quarantined, legacy.Count, extra, different, jsonErrors), mismatches);
    }

    private static bool HasShape(string json, Type clrType)
    {
        try
        {
            return JsonSerializer.Deserialize(json, clrType, StoreMapping.JsonOptions) is not null;
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException)
        {
            return false;
        }
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

    private async Task<IReadOnlyList<BusinessFigure>> FiguresAsync(CancellationToken ct)
    {
        await using var sqlite = await router.CreateContextAsync(StoreKind.Sqlite, ct);
        await using var postgres = await router.CreateContextAsync(StoreKind.Postgres, ct);
        var left = await BusinessFigures.ComputeAsync(sqlite, ct);
        var right = await BusinessFigures.ComputeAsync(postgres, ct);
        return BusinessFigures.Compare(left, right, await crm.OpenPipelineValueAsync(ct));
    }


    private static string Clip(string value) => value.Length <= 200 ? value : value[..200] + "…";
}
