using Epic16.Domain.Abm;
using Epic16.Domain.Abm.Performance;
using Epic16.Domain.Acquisition.Prospects;
using Epic16.Domain.Executive;
using Epic16.Domain.Security;
using Epic16.Tests.Persistence;
using Epic16.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Epic16.Tests.Executive;

/// <summary>The campaigns chart and ABM card, read in one batch, give what the campaign page's figures give, campaign by campaign.</summary>
public sealed class ExecutiveCampaignFiguresTests(PostgresServer postgres)
{
    private static readonly ICurrentUser Executive = new TestUser("exec@epic16.test", AppRoles.Executive);

    [Theory]
    [ClassData(typeof(BothStores))]
    public async Task LoadAsync_Campaigns_MatchTheCampaignPageFiguresEach(string mode)
    {
        await using var scope = await StoreScope.CreateAsync(postgres, mode);
        var (spring, autumn) = await SeedAsync(scope);
        var services = scope.Services.CreateScope().ServiceProvider;

        var view = await services.GetRequiredService<ExecutiveFiguresService>().LoadAsync(Executive, new ExecutiveFilter());
        var reports = services.GetRequiredService<CampaignReportService>();
        var springFigures = await reports.FiguresAsync(Executive, spring);
        var autumnFigures = await reports.FiguresAsync(Executive, autumn);

        // Autumn (newest first): B engaged in the window, 50,000; Spring: A engaged in the window (100,000), C engaged but not a target.
        var chart = view.Charts.Single(c => c.Key == "campaigns");
        Assert.Equal(["Autumn <i>push</i>", "Spring <b>Evil</b> Corp"], chart.Categories);
        Assert.Equal([autumnFigures.InfluencedPipelineUsd, springFigures.InfluencedPipelineUsd], chart.Series.Single().Values);
        Assert.Equal([50_000m, 100_000m], chart.Series.Single().Values);
        var abm = view.Cards.Single(c => c.Key == "abm");
        Assert.Equal(("$150,000", $"campaign cost {ExecutiveFiguresService.Usd(springFigures.CostUsd + autumnFigures.CostUsd)}"), (abm.Value, abm.Against));
        Assert.Equal((5_000m, 1_234.5m), (springFigures.CostUsd, autumnFigures.CostUsd)); // budget, then daily spend
    }

    private static async Task<(long Spring, long Autumn)> SeedAsync(StoreScope scope)
    {
        static DateTime At(int month, int day) => new(2026, month, day, 10, 0, 0, DateTimeKind.Utc);
        await using var db = await scope.Router.CreateContextAsync();
        var a = new Prospect { CompanyName = "A", Status = ProspectStatus.Negotiation, EstimatedArrUsd = 100_000m, CreatedAt = At(1, 1) };
        var b = new Prospect { CompanyName = "B", Status = ProspectStatus.Engaged, EstimatedArrUsd = 50_000m, CreatedAt = At(1, 2) };
        var c = new Prospect { CompanyName = "C", Status = ProspectStatus.Qualified, EstimatedArrUsd = 70_000m, CreatedAt = At(1, 3) };
        db.Prospects.AddRange(a, b, c);
        await db.SaveChangesAsync();
        var spring = new Campaign
        {
            Name = "Spring <b>Evil</b> Corp", Status = "active", TargetAccounts = [a.Id, b.Id, a.Id], BudgetUsd = 5_000m,
            StartDate = new DateOnly(2026, 3, 1), EndDate = new DateOnly(2026, 5, 31), CreatedAt = At(2, 1),
        };
        var autumn = new Campaign
        {
            Name = "Autumn <i>push</i>", Status = "planned", TargetAccounts = [b.Id], BudgetUsd = 9_000m,
            StartDate = new DateOnly(2026, 9, 1), EndDate = new DateOnly(2026, 11, 30), CreatedAt = At(2, 2),
        };
        db.Campaigns.AddRange(spring, autumn);
        await db.SaveChangesAsync();
        db.Touchpoints.AddRange(
            Touch(spring.Id, a.Id, "replied", At(4, 1)),
            Touch(spring.Id, b.Id, "replied", At(7, 1)), // after the window
            Touch(spring.Id, c.Id, "meeting", At(4, 2)), // not a target
            Touch(spring.Id, b.Id, "sent", At(4, 3)),
            Touch(autumn.Id, b.Id, "clicked", At(10, 1)));
        db.CampaignPerformance.Add(new CampaignPerformance { CampaignId = autumn.Id, MetricDate = new DateOnly(2026, 10, 1), Impressions = 100, Clicks = 3, CostUsd = 1_234.5m });
        await db.SaveChangesAsync();
        return (spring.Id, autumn.Id);
    }

    private static Touchpoint Touch(long campaign, long prospect, string status, DateTime at) =>
        new() { CampaignId = campaign, ProspectId = prospect, Channel = "email", ScheduledAt = at, ExecutedAt = at, Status = status };
}
