using Epic16.Domain.Acquisition.Prospects;
using Epic16.Domain.Onboarding.Clients;
using Epic16.Domain.Onboarding.Escalations;
using Epic16.Domain.Onboarding.Templates;
using Epic16.Domain.Persistence;
using Epic16.Domain.Security;
using Epic16.Domain.StoreMigration;
using Epic16.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Epic16.Tests.EndToEnd;

[Collection(EndToEndCollection.Name)]
public sealed class OnboardingTests(DashboardApp app) : BrowserTest(app)
{
    private const string Password = "E2e-Onboard-Pass1!";

    [Fact]
    public async Task SalesHandsOver_CsmPlansCompletesInOrderAndResolvesAnEscalation_ExecutiveOnlyReads()
    {
        var tag = Guid.NewGuid().ToString("N")[..10];
        var (sales, csm, executive) = ($"sales.{tag}@epic16.test", $"csm.{tag}@epic16.test", $"exec.{tag}@epic16.test");
        var (prospectId, templateName) = await SeedAsync(tag, sales, csm, executive);

        // Sales starts onboarding from the converted prospect and sees its status there.
        var salesPage = await NewPageAsync();
        await DashboardApp.SignInAsync(salesPage, sales, Password);
        await salesPage.GotoAsync($"/acquisition/prospects/{prospectId}");
        await DashboardApp.WaitForCircuitAsync(salesPage);
        await salesPage.ClickAsync("[data-testid=start-onboarding]");
        await Expect(salesPage.Locator("[data-testid=onboarding-status]")).ToContainTextAsync("Kickoff");
        var clientId = await ClientOfAsync(prospectId);

        // CustomerSuccess applies a template, is refused completing before a dependency, records the day's snapshot.
        var page = await NewPageAsync();
        await DashboardApp.SignInAsync(page, csm, Password);
        await page.GotoAsync($"/onboarding/clients/{clientId}");
        await DashboardApp.WaitForCircuitAsync(page);
        await page.ClickAsync("[data-testid=template-select]");
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = templateName }).ClickAsync();
        await page.ClickAsync("[data-testid=apply-template]");
        await Expect(page.Locator("[data-testid=milestone]")).ToHaveCountAsync(4);
        await Expect(page.Locator("[data-testid=stat-csm]")).ToContainTextAsync(csm);
        var goLiveBefore = await page.Locator("[data-testid=stat-golive]").InnerTextAsync();
        await Expect(page.Locator("[data-testid=stat-health]")).ToContainTextAsync("0 · Critical");
        await Milestone(page, "Go-live").Locator("[data-testid=complete]").ClickAsync();
        await Expect(page.Locator("[data-testid=plan-message]")).ToContainTextAsync("\"Go-live\" cannot be completed before \"Build\" and \"Design\" are done.");
        await Expect(Milestone(page, "Go-live")).ToHaveAttributeAsync("data-blocked", "true");
        await Expect(Milestone(page, "Go-live")).ToHaveAttributeAsync("data-critical", "true");

        await page.ClickAsync("[data-testid=nav-onboarding]");
        await page.ClickAsync("[data-testid=snapshot-now]");
        await Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("escalations raised");
        await Expect(page.Locator($"[data-testid=health-card][data-client=\"{clientId}\"]")).ToHaveAttributeAsync("data-band", "critical");

        // Completing in order moves the health score and the projected go-live.
        await page.GotoAsync($"/onboarding/clients/{clientId}");
        await DashboardApp.WaitForCircuitAsync(page);
        foreach (var name in new[] { "Kickoff", "Build", "Design", "Go-live" })
        {
            await Milestone(page, name).Locator("[data-testid=complete]").ClickAsync();
            await Expect(Milestone(page, name)).ToHaveAttributeAsync("data-status", "done");
        }

        await Expect(page.Locator("[data-testid=stat-health]")).ToContainTextAsync("100 · Healthy");
        await Expect(page.Locator("[data-testid=stat-golive]")).Not.ToHaveTextAsync(goLiveBefore);
        await Expect(page.Locator("[data-testid=stat-golive]")).ToContainTextAsync(DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));

        // The escalation queue shows this CSM's escalations first; acknowledge then resolve one, each with a note.
        await page.ClickAsync("[data-testid=nav-onboarding-escalations]");
        var mine = page.Locator("[data-testid=escalations-table] tbody tr").Filter(new() { Has = page.Locator($"[data-reason={EscalationReason.AtRiskBand}]") })
            .Filter(new() { HasText = $"Onboard {tag}" });
        await Expect(page.Locator("[data-testid=escalation-client]").First).ToContainTextAsync("(mine)");
        await mine.Locator("input[data-testid=escalation-note], [data-testid=escalation-note] input").First.FillAsync("Called the sponsor; plan agreed");
        await mine.Locator("[data-testid=acknowledge]").ClickAsync();
        await Expect(mine.Locator("[data-testid=escalation-status]")).ToHaveTextAsync("Acknowledged");
        await mine.Locator("[data-testid=resolve]").ClickAsync();
        await Expect(page.Locator("[data-testid=escalation-message]")).ToContainTextAsync("note is required");
        await mine.Locator("input[data-testid=escalation-note], [data-testid=escalation-note] input").First.FillAsync("All milestones done, score 100");
        await mine.Locator("[data-testid=resolve]").ClickAsync();
        await Expect(page.Locator("[data-testid=escalation-message]")).ToContainTextAsync("Resolved");

        // The Executive reads the client and cannot change it.
        var execPage = await NewPageAsync();
        await DashboardApp.SignInAsync(execPage, executive, Password);
        await execPage.GotoAsync($"/onboarding/clients/{clientId}");
        await DashboardApp.WaitForCircuitAsync(execPage);
        await Expect(execPage.Locator("[data-testid=milestone]")).ToHaveCountAsync(4);
        await Expect(execPage.Locator("[data-testid=complete], [data-testid=health-input], [data-testid^=move-]")).ToHaveCountAsync(0);
        await execPage.GetByRole(AriaRole.Tab, new() { Name = "Escalations" }).ClickAsync();
        await Expect(execPage.Locator("[data-testid=escalation-status]").Filter(new() { HasText = "Resolved" })).ToHaveCountAsync(1);
        await Expect(execPage.Locator("[data-testid=resolve], [data-testid=acknowledge]")).ToHaveCountAsync(0);

        await using var scope = App.Services.CreateAsyncScope();
        var queue = await scope.ServiceProvider.GetRequiredService<EscalationQueue>().QueueAsync(SystemUser.Cli, includeResolved: true, clientId: clientId);
        var resolved = queue.Single(e => e.Reason == EscalationReason.AtRiskBand);
        Assert.Equal(("resolved", "Called the sponsor; plan agreed", "All milestones done, score 100", csm), (resolved.Status, resolved.AcknowledgeNote, resolved.ResolveNote, resolved.ResolvedBy));
    }

    private static ILocator Milestone(IPage page, string name) =>
        page.Locator("[data-testid=milestone]").Filter(new() { Has = page.Locator("[data-testid=milestone-name]", new() { HasTextString = name }) });

    private async Task<(long ProspectId, string TemplateName)> SeedAsync(string tag, string sales, string csm, string executive)
    {
        await App.EnsureLegacyDemoDataAsync();

        // As the app does at start: the demo's unreadable rows are quarantined, so the pages never read them half-parsed.
        await using (var scan = App.Services.CreateAsyncScope())
        {
            await scan.ServiceProvider.GetRequiredService<QuarantineScanner>().ScanAsync(SystemUser.Cli);
        }

        await App.SeedUserAsync(sales, Password, AppRoles.Sales);
        await App.SeedUserAsync(csm, Password, AppRoles.CustomerSuccess);
        await App.SeedUserAsync(executive, Password, AppRoles.Executive);
        await using var scope = App.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IStoreRouter>().CreateContextAsync();
        var now = DateTime.UtcNow;
        var prospect = new Prospect { CompanyName = $"Onboard {tag}", Status = ProspectStatus.Converted, EstimatedArrUsd = 750_000m, Owner = sales, CreatedAt = now, UpdatedAt = now };
        db.Prospects.Add(prospect);
        await db.SaveChangesAsync();
        var template = await scope.ServiceProvider.GetRequiredService<SuccessTemplates>().SaveAsync(SystemUser.Cli, null, new TemplateInput
        {
            Name = $"Diamond {tag}", Segment = "Test",
            Milestones =
            [
                new() { Key = "kickoff", Name = "Kickoff", OffsetDays = 0 },
                new() { Key = "build", Name = "Build", OffsetDays = 5, DependsOn = ["kickoff"] },
                new() { Key = "design", Name = "Design", OffsetDays = 10, DependsOn = ["kickoff"] },
                new() { Key = "golive", Name = "Go-live", OffsetDays = 20, DependsOn = ["build", "design"] },
            ],
        });
        return (prospect.Id, template.Name);
    }

    private async Task<long> ClientOfAsync(long prospectId)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<OnboardingClients>().ForProspectAsync(SystemUser.Cli, prospectId))!.ClientId;
    }
}
