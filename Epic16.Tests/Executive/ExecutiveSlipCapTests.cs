using Epic16.Domain.Abm.Campaigns;
using Epic16.Domain.Crm;
using Epic16.Domain.Executive;
using Epic16.Domain.Onboarding;
using Epic16.Domain.Persistence;
using Epic16.Domain.Security;
using Epic16.Tests.Persistence;
using Epic16.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Epic16.Tests.Executive;

/// <summary>
/// The go-live slip reads only open clients' plans: with more open clients than bars, the chart keeps the 50 slipping most
/// and its note counts every open client with a target and a plan, and live, churned and plan-less clients stay out of it.
/// </summary>
public sealed class ExecutiveSlipCapTests(PostgresServer postgres)
{
    private static readonly ICurrentUser Executive = new TestUser("exec@epic16.test", AppRoles.Executive);
    private static readonly DateTimeOffset Today = new(2026, 4, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [ClassData(typeof(BothStores))]
    public async Task LoadAsync_MoreOpenClientsThanBars_KeepsTheFiftySlippingMostOfAll(string mode)
    {
        await using var scope = await StoreScope.CreateAsync(postgres, mode);
        await using (var db = await scope.Router.CreateContextAsync())
        {
            // Open client k (1..53) has one pending milestone due 03-01 + k days and a target of 03-01. It finishes today (04-01)
            // at the earliest: k <= 31 slips 31 days, k > 31 slips k days.
            var open = Enumerable.Range(1, 53).Select(k => Client($"Open {k:D2}", "implementation")).ToList();
            var others = new[] { Client("Live", "live"), Client("Gone", "churned"), Client("No plan", "kickoff") };
            db.OnboardingClients.AddRange([.. open, .. others]);
            await db.SaveChangesAsync();
            db.Milestones.AddRange(open.Select((c, i) => Milestone(c.Id, new DateOnly(2026, 3, 1).AddDays(i + 1), null)));
            db.Milestones.Add(Milestone(others[0].Id, new DateOnly(2026, 3, 10), new DateTime(2026, 3, 11, 15, 0, 0, DateTimeKind.Utc)));
            db.Milestones.Add(Milestone(others[1].Id, new DateOnly(2026, 9, 1), null));
            await db.SaveChangesAsync();
        }

        var services = scope.Services.CreateScope().ServiceProvider;
        var figures = new ExecutiveFiguresService(scope.Router, services.GetRequiredService<IDbContextFactory<PlatformContext>>(),
            services.GetRequiredService<CrmService>(), services.GetRequiredService<CampaignService>(), new ManualClock(Today));
        var view = await figures.LoadAsync(Executive, new ExecutiveFilter());

        var slip = view.Charts.Single(c => c.Key == "slip");
        Assert.Equal(GoLiveMath.MaxSlipClients, slip.Categories.Count);
        Assert.Equal(["Open 53", "Open 52", "Open 51"], slip.Categories.Take(3));
        Assert.Equal([53m, 52m, 51m], slip.Series.Single().Values.Take(3));
        // 22 clients slip 32..53 days; the other 28 bars are the first by name of the 31 that slip 31 days.
        Assert.Equal((31m, "Open 28"), (slip.Series.Single().Values[^1], slip.Categories[^1]));
        Assert.Contains("The 50 clients slipping most of 53 open clients", slip.Note);
        Assert.DoesNotContain("Live", slip.Categories);
        Assert.Equal(("9 days", "1 live client"), (view.Cards.Single(c => c.Key == "golive").Value, view.Cards.Single(c => c.Key == "golive").Against));
    }

    private static OnboardingClient Client(string name, string status) => new()
    {
        CompanyName = name, Status = status, StartDate = new DateOnly(2026, 3, 2), GoLiveTarget = new DateOnly(2026, 3, 1), CsmOwner = "csm@x.test",
        CreatedAt = new DateTime(2026, 3, 2, 0, 0, 0, DateTimeKind.Utc),
    };

    private static Milestone Milestone(long client, DateOnly due, DateTime? completed) => new()
    {
        ClientId = client, Name = "Go-live", SortOrder = 0, DueDate = due, CompletedAt = completed, Status = completed is null ? "pending" : "done", DependsOn = [],
    };
}
