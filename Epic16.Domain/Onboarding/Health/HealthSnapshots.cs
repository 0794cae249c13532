using System.Diagnostics;
using System.Text.Json;
using Epic16.Domain.Onboarding.Escalations;
using Epic16.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Epic16.Domain.Onboarding.Health;

/// <summary>
/// Records each client's health for a day (score, band, coverage and breakdown) in `cs_health_snapshots` and raises
/// the escalations <see cref="EscalationRules"/> call for, then rewrites the board's rows (<see cref="BoardRows"/>). Recording a day
/// again replaces that day's snapshots (a client's health recalculated during the day), so the job and the CLI verb can both run it. Reads the clients' data from the store of the current mode.
/// </summary>
public sealed class HealthSnapshots(IStoreRouter router, IDbContextFactory<PlatformContext> platform, HealthWeights weights, TimeProvider clock)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Today's snapshot of every client, with escalations.</summary>
    public Task<SnapshotRun> RecordTodayAsync(CancellationToken ct = default) => RecordAsync(OnboardingClock.Today(clock), raiseEscalations: true, ct);

    /// <summary>
    /// Snapshots for the <paramref name="days"/> days before today that have none yet (no escalations: they are history), so
    /// trends and sparklines exist from the first day.
    /// </summary>
    public async Task<int> BackfillAsync(int days, CancellationToken ct = default)
    {
        var today = OnboardingClock.Today(clock);
        var data = await LoadAsync(ct);
        await using var control = await platform.CreateDbContextAsync(ct);
        var from = today.AddDays(-days);
        var have = (await control.HealthSnapshots.AsNoTracking().Where(s => s.Day >= from && s.Day < today).Select(s => new { s.ClientId, s.Day }).ToListAsync(ct))
            .Select(s => (s.ClientId, s.Day)).ToHashSet();
        var written = 0;
        for (var day = from; day < today; day = day.AddDays(1))
        {
            var missing = data.Values.Where(c => (c.Client.StartDate is not { } s || s <= day) && !have.Contains((c.Client.Id, day)))
                .Select(c => SnapshotOf(c, day, HealthModel.Compute(c.SignalsOn(day), weights))).ToList();
            await SnapshotRows.UpsertAsync(control, missing, ct);
            written += missing.Count;
        }

        await BoardRows.RefreshAsync(control, [.. data.Values.Select(c => c.Client)], OnboardingClock.Now(clock), ct);
        return written;
    }

    public async Task<SnapshotRun> RecordAsync(DateOnly day, bool raiseEscalations, CancellationToken ct = default)
    {
        var watch = Stopwatch.StartNew();
        var data = await LoadAsync(ct);
        await using var control = await platform.CreateDbContextAsync(ct);
        var thirtyBefore = await SnapshotRows.LatestAsync(control, data.Keys, day.AddDays(-60), day.AddDays(-30), ct);
        var previous = await SnapshotRows.LatestAsync(control, data.Keys, day.AddDays(-60), day.AddDays(-1), ct);
        var open = raiseEscalations
            ? (await control.Escalations.AsNoTracking().Where(e => e.Status != EscalationStatus.Resolved).Select(e => new { e.ClientId, e.Reason }).ToListAsync(ct))
                .Select(e => (e.ClientId, e.Reason)).ToHashSet()
            : [];
        var now = OnboardingClock.Now(clock);
        var snapshots = new List<HealthSnapshot>(data.Count);
        var escalations = new List<Escalation>();
        foreach (var client in data.Values)
        {
            var result = HealthModel.Compute(client.SignalsOn(day), weights);
            snapshots.Add(SnapshotOf(client, day, result));
            if (!raiseEscalations || client.Client.Status == "churned")
            {
                continue;
            }

            var before = previous.GetValueOrDefault(client.Client.Id);
            var facts = new EscalationFacts(day, result, thirtyBefore.GetValueOrDefault(client.Client.Id)?.Score, before?.Band, before is not null,
                client.UnfinishedOn(day), client.SignalsOn(day).DaysSinceTwoWayContact, client.Client.StartDate);
            foreach (var reason in EscalationRules.Evaluate(facts).Where(r => !open.Contains((client.Client.Id, r.Reason))))
            {
                escalations.Add(new Escalation
                {
                    ClientId = client.Client.Id, Reason = reason.Reason, Detail = reason.Detail, Owner = client.Client.CsmOwner ?? "unassigned",
                    RaisedOn = day, DueOn = day.AddDays(EscalationRules.DueInDays(reason.Reason)), Status = EscalationStatus.Open, RaisedAt = now,
                });
                open.Add((client.Client.Id, reason.Reason));
            }
        }

        await using var transaction = await control.Database.BeginTransactionAsync(ct);
        await SnapshotRows.UpsertAsync(control, snapshots, ct);
        var raised = await SnapshotRows.RaiseAsync(control, escalations, ct);
        await BoardRows.RefreshAsync(control, [.. data.Values.Select(c => c.Client)], now, ct);
        await transaction.CommitAsync(ct);
        return new SnapshotRun(day, data.Count, data.Count, raised, watch.Elapsed);
    }

    /// <summary>Whether every client already has a snapshot for today (the job runs once per day).</summary>
    public async Task<bool> TodayIsRecordedAsync(CancellationToken ct = default)
    {
        var today = OnboardingClock.Today(clock);
        await using var db = await router.CreateContextAsync(ct);
        var clients = await db.OnboardingClients.CountAsync(ct);
        await using var control = await platform.CreateDbContextAsync(ct);
        return await control.HealthSnapshots.CountAsync(s => s.Day == today, ct) >= clients;
    }

    public async Task<bool> AnyAsync(CancellationToken ct = default)
    {
        await using var control = await platform.CreateDbContextAsync(ct);
        return await control.HealthSnapshots.AnyAsync(ct);
    }

    /// <summary>Computes one client's health for a day from the current data, without saving it (the client page's "now").</summary>
    public async Task<HealthResult> ComputeAsync(long clientId, DateOnly day, CancellationToken ct = default)
    {
        var data = await LoadAsync(ct, clientId);
        return data.TryGetValue(clientId, out var client)
            ? HealthModel.Compute(client.SignalsOn(day), weights)
            : throw new KeyNotFoundException($"There is no onboarding client with id {clientId}.");
    }

    public static IReadOnlyList<HealthComponentScore> BreakdownOf(HealthSnapshot snapshot) =>
        JsonSerializer.Deserialize<List<HealthComponentScore>>(snapshot.Breakdown, Json) ?? [];

    private HealthSnapshot SnapshotOf(ClientHealthData client, DateOnly day, HealthResult result) => new()
    {
        ClientId = client.Client.Id, Day = day, Score = result.Score, Band = result.Band, CoveragePercent = result.CoveragePercent,
        Breakdown = JsonSerializer.Serialize(result.Components, Json), RecordedAt = OnboardingClock.Now(clock),
    };

    // Dates are compared after parsing: the legacy text forms do not sort as dates in SQLite.
    private async Task<Dictionary<long, ClientHealthData>> LoadAsync(CancellationToken ct, long? onlyClient = null)
    {
        await using var db = await router.CreateContextAsync(ct);
        var clients = await db.OnboardingClients.AsNoTracking().Where(c => onlyClient == null || c.Id == onlyClient).ToListAsync(ct);
        var data = clients.ToDictionary(c => c.Id, c => new ClientHealthData { Client = c });
        // Only the columns the score reads: at 10k clients these are a million rows.
        var metrics = db.HealthMetrics.AsNoTracking().Where(h => onlyClient == null || h.ClientId == onlyClient)
            .Select(h => new HealthMetric { ClientId = h.ClientId, MetricDate = h.MetricDate, ProductUsage = h.ProductUsage, SupportTickets = h.SupportTickets, Nps = h.Nps, Engagement = h.Engagement });
        await foreach (var m in metrics.AsAsyncEnumerable().WithCancellation(ct))
        {
            data.GetValueOrDefault(m.ClientId)?.Metrics.Add(m);
        }

        var milestones = db.Milestones.AsNoTracking().Where(m => onlyClient == null || m.ClientId == onlyClient)
            .Select(m => new Milestone { ClientId = m.ClientId, Name = m.Name, DueDate = m.DueDate, CompletedAt = m.CompletedAt, Status = m.Status });
        await foreach (var m in milestones.AsAsyncEnumerable().WithCancellation(ct))
        {
            data.GetValueOrDefault(m.ClientId)?.Milestones.Add(m);
        }

        var contacts = await db.Communications.AsNoTracking().Where(c => onlyClient == null || c.ClientId == onlyClient)
            .Select(c => new { c.ClientId, c.Channel, c.Direction, c.OccurredAt }).ToListAsync(ct);
        foreach (var c in contacts.Where(c => c.Direction == "inbound" || ClientHealthData.TwoWayChannels.Contains(c.Channel)))
        {
            data.GetValueOrDefault(c.ClientId)?.TwoWayContacts.Add(c.OccurredAt);
        }

        foreach (var client in data.Values)
        {
            client.Metrics.Sort((a, b) => a.MetricDate.CompareTo(b.MetricDate));
            client.TwoWayContacts.Sort();
        }

        return data;
    }
}
