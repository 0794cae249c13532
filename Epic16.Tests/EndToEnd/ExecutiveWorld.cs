using Epic16.Domain.Abm;
using Epic16.Domain.DemoData;
using Epic16.Domain.Persistence.Legacy;
using Epic16.Domain.StoreMigration;
using Epic16.Domain.Acquisition.BusinessCases;
using Epic16.Domain.Acquisition.Prospects;
using Epic16.Domain.Acquisition.RoiTracking;
using Epic16.Domain.Onboarding;
using Epic16.Domain.Onboarding.Health;
using Epic16.Domain.Persistence;
using Epic16.Domain.Security;
using Epic16.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Epic16.Tests.EndToEnd;

/// <summary>
/// Executive figures in a past year no other test writes to (2019 by default), so that year's range shows exactly these: four prospects, a business
/// case, two ROI months, a campaign named with markup that influenced a prospect, a live and a slipping client, and three
/// weeks of health snapshots.
/// </summary>
internal static class ExecutiveWorld
{

    public static string CampaignName(string tag) => $"<b>Evil</b> Corp {tag}";

    /// <summary>The shared app's legacy files, written and scanned once as the app does at start (other tests do the same).</summary>
    public static async Task EnsureLegacyAsync(DashboardApp app)
    {
        if (!File.Exists(LegacyStore.Acquisition.PathIn(app.LegacyDirectory)))
        {
            await DemoDataGenerator.GenerateAsync(app.LegacyDirectory);
        }

        await using var scan = app.Services.CreateAsyncScope();
        await scan.ServiceProvider.GetRequiredService<QuarantineScanner>().ScanAsync(SystemUser.Cli);
    }

    /// <summary>The figures, all in <paramref name="year"/> (each test its own year: the app and its database are shared).</summary>
    public static async Task SeedAsync(DashboardApp app, string tag, int year = 2019)
    {
        await EnsureLegacyAsync(app);
        DateTime At(int month, int day) => new(year, month, day, 9, 0, 0, DateTimeKind.Utc);
        DateOnly D(int month, int day) => new(year, month, day);
        await using var db = await app.Services.GetRequiredService<IStoreRouter>().CreateContextAsync();
        var open = new Prospect { CompanyName = $"Exec A {tag}", Status = ProspectStatus.Negotiation, EstimatedArrUsd = 300_000m, Industry = "Retail", CreatedAt = At(3, 10) };
        db.Prospects.AddRange(
            open,
            new Prospect { CompanyName = $"Exec B {tag}", Status = ProspectStatus.Qualified, EstimatedArrUsd = 120_000m, Industry = "Retail", CreatedAt = At(5, 2) },
            new Prospect { CompanyName = $"Exec C {tag}", Status = ProspectStatus.Converted, EstimatedArrUsd = 200_000m, Industry = "Retail", CreatedAt = At(2, 1), UpdatedAt = At(4, 1) },
            new Prospect { CompanyName = $"Exec D {tag}", Status = ProspectStatus.Lost, EstimatedArrUsd = 50_000m, Industry = "Retail", CreatedAt = At(6, 1) });
        var live = Client($"Live Co {tag}", "live", D(1, 10), D(3, 1));
        var slipping = Client($"Slipping Co {tag}", "implementation", D(4, 1), D(6, 1));
        db.OnboardingClients.AddRange(live, slipping);
        await db.SaveChangesAsync();

        db.BusinessCases.Add(new BusinessCase
        {
            ProspectId = open.Id, Title = $"Case {tag}", InvestmentUsd = 100_000m, AnnualBenefitUsd = 200_000m, NpvUsd = 250_000m, RoiPercent = 180m,
            Status = BusinessCaseStatus.Presented, CreatedAt = At(3, 20),
        });
        db.RoiEntries.AddRange(
            new RoiEntry { ProspectId = open.Id, Period = $"{year}-06", InvestedUsd = 10_000m, RealizedValueUsd = 2_000m, RecordedAt = At(7, 1) },
            new RoiEntry { ProspectId = open.Id, Period = $"{year}-07", InvestedUsd = 5_000m, RealizedValueUsd = 30_000m, RecordedAt = At(8, 1) });
        // Created after every other test's campaign, so it is the first (top) bar of the campaigns chart.
        var campaign = new Campaign
        {
            Name = CampaignName(tag), Status = "active", TargetAccounts = [open.Id], Channels = ["email"], BudgetUsd = 10_000m,
            StartDate = D(3, 1), EndDate = D(12, 31), CreatedAt = DateTime.UtcNow.AddHours(1),
        };
        db.Campaigns.Add(campaign);
        db.Milestones.AddRange(
            new Milestone { ClientId = live.Id, Name = "Go-live", SortOrder = 0, DueDate = D(3, 1), CompletedAt = At(2, 20), Status = "done", DependsOn = [] },
            new Milestone { ClientId = slipping.Id, Name = "Go-live", SortOrder = 0, DueDate = D(6, 1), Status = "pending", DependsOn = [] });
        await db.SaveChangesAsync();
        db.Touchpoints.Add(new Touchpoint { CampaignId = campaign.Id, ProspectId = open.Id, Channel = "email", ScheduledAt = At(6, 14), ExecutedAt = At(6, 15), Status = "replied" });
        await db.SaveChangesAsync();

        await using var control = await app.Services.GetRequiredService<IDbContextFactory<PlatformContext>>().CreateDbContextAsync();
        foreach (var day in new[] { D(6, 1), D(6, 8), D(6, 15) })
        {
            control.HealthSnapshots.Add(Snapshot(live.Id, day, 82m));
            control.HealthSnapshots.Add(Snapshot(slipping.Id, day, day.Day == 15 ? 35m : 60m));
        }

        await control.SaveChangesAsync();
    }

    private static OnboardingClient Client(string name, string status, DateOnly start, DateOnly target) => new()
    {
        CompanyName = name, Status = status, StartDate = start, GoLiveTarget = target, CreatedAt = start.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
    };

    private static HealthSnapshot Snapshot(long client, DateOnly day, decimal score) => new()
    {
        ClientId = client, Day = day, Score = score, Band = HealthBands.Of(score), CoveragePercent = 100m, RecordedAt = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
    };
}
