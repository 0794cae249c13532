using Epic16.Domain.Onboarding;
using Epic16.Domain.Onboarding.Health;
using Epic16.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Epic16.Tests.Executive;

/// <summary>
/// Six onboarding clients seen on 2026-04-01: three live (40, 60 and 20 days to go-live), one slipping 17 days (a name with
/// markup), one on time, one churned; and health snapshots on 03-18, 03-25, 03-31 and 04-01.
/// </summary>
internal static class ExecutiveClientSeed
{
    public static readonly DateTimeOffset Today = new(2026, 4, 1, 12, 0, 0, TimeSpan.Zero);

    public static async Task<IReadOnlyList<long>> ClientsAsync(IStoreRouter router, IDbContextFactory<PlatformContext> platform)
    {
        static DateOnly D(int month, int day) => new(2026, month, day);
        static DateTime Done(int month, int day) => new(2026, month, day, 15, 0, 0, DateTimeKind.Utc);
        await using var db = await router.CreateContextAsync();
        var clients = new[]
        {
            Client("Live One", "live", D(1, 1), D(2, 15)),
            Client("Live Two", "live", D(1, 5), D(3, 1)),
            Client("Live Three", "live", D(2, 1), D(2, 20)),
            Client("<b>Evil</b> Slip Co", "implementation", D(3, 1), D(3, 20)),
            Client("On Time", "kickoff", D(3, 25), D(5, 1)),
            Client("Gone", "churned", D(1, 1), D(1, 30)),
        };
        db.OnboardingClients.AddRange(clients);
        await db.SaveChangesAsync();
        var (one, two, three, evil, onTime, gone) = (clients[0].Id, clients[1].Id, clients[2].Id, clients[3].Id, clients[4].Id, clients[5].Id);

        // Live One went live with its Go-live milestone (40 days), though its QBR was done later; Live Two has no Go-live
        // milestone, so its last completed one counts (60 days); Live Three 20 days.
        db.Milestones.AddRange(
            Milestone(one, "Kickoff", 0, D(1, 15), Done(1, 20)), Milestone(one, "Go-live", 1, D(2, 15), Done(2, 10)), Milestone(one, "QBR", 2, D(4, 1), Done(4, 1)),
            Milestone(two, "Kickoff", 0, D(1, 10), Done(1, 10)), Milestone(two, "Training", 1, D(3, 1), Done(3, 6)),
            Milestone(three, "Go live", 0, D(2, 20), Done(2, 21)),
            Milestone(onTime, "Go-live", 0, D(5, 1), null),
            Milestone(gone, "Go-live", 0, D(1, 30), null));
        var build = Milestone(evil, "Build", 0, D(3, 15), null);
        db.Milestones.Add(build);
        await db.SaveChangesAsync();
        // Build is overdue, so it finishes today (04-01) at the earliest; Go-live keeps its 5-day gap: 04-06, 17 days after 03-20.
        db.Milestones.Add(Milestone(evil, "Go-live", 1, D(3, 20), null, [build.Id]));
        await db.SaveChangesAsync();

        await using var control = await platform.CreateDbContextAsync();
        control.HealthSnapshots.AddRange(
            Snapshot(one, D(3, 18), 55m), Snapshot(two, D(3, 18), 25m),
            Snapshot(one, D(3, 25), 80m), Snapshot(two, D(3, 25), 90m),
            Snapshot(one, D(3, 31), 10m),
            Snapshot(one, D(4, 1), 80m), Snapshot(two, D(4, 1), 40m), Snapshot(three, D(4, 1), 20m), Snapshot(evil, D(4, 1), 60m),
            new HealthSnapshot { ClientId = onTime, Day = D(4, 1), Score = null, Band = null, RecordedAt = Done(4, 1) });
        await control.SaveChangesAsync();
        return [one, two, three, evil, onTime, gone];
    }

    private static OnboardingClient Client(string name, string status, DateOnly start, DateOnly target) => new()
    {
        CompanyName = name, Status = status, StartDate = start, GoLiveTarget = target, CsmOwner = "csm@x.test",
        CreatedAt = start.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
    };

    private static Milestone Milestone(long client, string name, int order, DateOnly due, DateTime? completed, List<long>? dependsOn = null) => new()
    {
        ClientId = client, Name = name, SortOrder = order, DueDate = due, CompletedAt = completed, Status = completed is null ? "pending" : "done", DependsOn = dependsOn ?? [],
    };

    private static HealthSnapshot Snapshot(long client, DateOnly day, decimal score) => new()
    {
        ClientId = client, Day = day, Score = score, Band = HealthBands.Of(score), CoveragePercent = 100m,
        RecordedAt = day.ToDateTime(new TimeOnly(6, 0), DateTimeKind.Utc),
    };
}
