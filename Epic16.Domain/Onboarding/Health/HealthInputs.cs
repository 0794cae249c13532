using System.Globalization;
using System.Numerics;
using Epic16.Domain.Acquisition;
using Epic16.Domain.Persistence;
using Epic16.Domain.Security;
using Microsoft.EntityFrameworkCore;

namespace Epic16.Domain.Onboarding.Health;

/// <summary>
/// Health inputs per client and day (legacy `health_metrics`): recorded by a CSM or imported from CSV, validated, one row per
/// client and day (a second entry for the day updates it). Works the same on either store.
/// </summary>
public sealed class HealthInputs(IStoreRouter router, TimeProvider clock)
{
    public const string CsvHeader = "client_id,metric_date,product_usage,support_tickets,nps,engagement";

    public async Task RecordAsync(ICurrentUser user, long clientId, DateOnly day, HealthInput input, CancellationToken ct = default)
    {
        OnboardingAccess.DemandWrite(user);
        var problems = HealthInputValidator.Validate(input, day, OnboardingClock.Today(clock));
        if (problems.Count > 0)
        {
            throw new OnboardingValidationException(problems);
        }

        await using var db = await router.CreateContextAsync(ct);
        if (!await db.OnboardingClients.AnyAsync(c => c.Id == clientId, ct))
        {
            throw new KeyNotFoundException($"There is no onboarding client with id {clientId}.");
        }

        await UpsertAsync(db, [(clientId, day, input)], ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Imports `client_id,metric_date,product_usage,support_tickets,nps,engagement` lines (header first). Every line is checked
    /// before anything is saved: one bad line and nothing is imported, each problem naming its line and field.
    /// </summary>
    public async Task<int> ImportCsvAsync(ICurrentUser user, TextReader csv, CancellationToken ct = default)
    {
        OnboardingAccess.DemandWrite(user);
        var header = (await csv.ReadLineAsync(ct))?.Trim().ToLowerInvariant();
        if (header != CsvHeader)
        {
            throw new OnboardingValidationException("File", $"The first line must be the header \"{CsvHeader}\".");
        }

        var today = OnboardingClock.Today(clock);
        var rows = new List<(long ClientId, DateOnly Day, HealthInput Input)>();
        var problems = new List<ValidationProblem>();
        var lineNumber = 1;
        while (await csv.ReadLineAsync(ct) is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var prefix = $"line {lineNumber}: ";
            var cells = line.Split(',').Select(c => c.Trim()).ToArray();
            if (cells.Length != 6)
            {
                problems.Add(new($"{prefix}File", $"Line {lineNumber} has {cells.Length} values; it needs 6."));
                continue;
            }

            if (!long.TryParse(cells[0], NumberStyles.None, CultureInfo.InvariantCulture, out var clientId))
            {
                problems.Add(new($"{prefix}client_id", $"Line {lineNumber}: client_id \"{cells[0]}\" is not a number."));
            }

            if (!DateOnly.TryParseExact(cells[1], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                problems.Add(new($"{prefix}metric_date", $"Line {lineNumber}: metric_date \"{cells[1]}\" is not a date (yyyy-MM-dd)."));
            }

            var input = new HealthInput
            {
                ProductUsage = Number<decimal>(cells[2], "product_usage"),
                SupportTickets = Number<int>(cells[3], "support_tickets"),
                Nps = Number<int>(cells[4], "nps"),
                Engagement = Number<decimal>(cells[5], "engagement"),
            };
            problems.AddRange(HealthInputValidator.Validate(input, day, today).Select(p => p with { Field = prefix + p.Field, Message = $"Line {lineNumber}: {p.Message}" }));
            rows.Add((clientId, day, input));

            T? Number<T>(string cell, string field) where T : struct, INumber<T>
            {
                if (cell.Length == 0)
                {
                    return null;
                }

                if (T.TryParse(cell, NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
                {
                    return value;
                }

                problems.Add(new(prefix + field, $"Line {lineNumber}: {field} \"{cell}\" is not a number."));
                return null;
            }
        }

        await using var db = await router.CreateContextAsync(ct);
        var known = (await db.OnboardingClients.AsNoTracking().Select(c => c.Id).ToListAsync(ct)).ToHashSet();
        problems.AddRange(rows.Where(r => r.ClientId > 0 && !known.Contains(r.ClientId)).Select(r => new ValidationProblem("client_id", $"There is no client {r.ClientId}.")));
        if (problems.Count > 0)
        {
            throw new OnboardingValidationException(problems);
        }

        await UpsertAsync(db, rows, ct);
        await db.SaveChangesAsync(ct);
        return rows.Count;
    }

    // Legacy rows keep their day in several text forms, so a client's rows are read and matched on the parsed day.
    private static async Task UpsertAsync(Epic16Context db, IReadOnlyList<(long ClientId, DateOnly Day, HealthInput Input)> rows, CancellationToken ct)
    {
        var clientIds = rows.Select(r => r.ClientId).Distinct().ToList();
        var existing = await db.HealthMetrics.Where(h => clientIds.Contains(h.ClientId)).ToListAsync(ct);
        foreach (var (clientId, day, input) in rows)
        {
            var row = existing.FirstOrDefault(h => h.ClientId == clientId && h.MetricDate == day);
            if (row is null)
            {
                row = new HealthMetric { ClientId = clientId, MetricDate = day };
                db.HealthMetrics.Add(row);
                existing.Add(row);
            }

            row.ProductUsage = input.ProductUsage is { } u ? decimal.Round(u, 2, MidpointRounding.AwayFromZero) : row.ProductUsage;
            row.SupportTickets = input.SupportTickets ?? row.SupportTickets;
            row.Nps = input.Nps ?? row.Nps;
            row.Engagement = input.Engagement is { } e ? decimal.Round(e, 2, MidpointRounding.AwayFromZero) : row.Engagement;
        }
    }
}
