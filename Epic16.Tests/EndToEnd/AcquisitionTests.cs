using Epic16.Domain.Acquisition;
using Epic16.Domain.Security;
using Epic16.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using Epic16.Domain.Acquisition.BusinessCases;
using Epic16.Domain.Acquisition.Prospects;
using Epic16.Domain.Acquisition.Scoring;
using Epic16.Domain.Acquisition.Sequences;

namespace Epic16.Tests.EndToEnd;

[Collection(EndToEndCollection.Name)]
public sealed class AcquisitionTests(DashboardApp app) : BrowserTest(app)
{
    private const string Password = "E2e-Sales-Pass1!";

    [Fact]
    public async Task SalesUser_DragsACardAcceptsABusinessCaseAndConverts_FindsTheContactsInTheCrm()
    {
        var tag = Guid.NewGuid().ToString("N")[..10];
        var sales = $"sales.{tag}@epic16.test";
        var (movingId, caseId) = await SeedAsync(tag, sales);
        var page = await NewPageAsync();
        await DashboardApp.SignInAsync(page, sales, Password);

        await page.ClickAsync("[data-testid=nav-acquisition-pipeline]");
        await page.Locator("input[data-testid=filter-search], [data-testid=filter-search] input").First.FillAsync(tag);
        await Expect(page.Locator("[data-testid=total-count]")).ToContainTextAsync("2");
        await Expect(page.Locator("[data-testid=column-identified] [data-testid=column-count]")).ToHaveTextAsync("1");
        await Expect(page.Locator("[data-testid=kanban] [data-testid^=card-]")).ToHaveCountAsync(2);
        await Expect(page.Locator("[data-testid=weighted-chart] svg.apexcharts-svg")).ToHaveCountAsync(1);
        await Expect(page.Locator("[data-testid=due-row]").Filter(new() { HasText = $"Moving {tag}" })).ToContainTextAsync("1 day(s) overdue");
        await DashboardApp.ScreenshotAsync(page, "acquisition-pipeline");

        await page.Locator($"[data-testid=card-{movingId}]").DragToAsync(page.Locator("[data-testid=zone-engaged]"));
        await Expect(page.Locator("[data-testid=column-engaged] [data-testid=column-count]")).ToHaveTextAsync("1");
        await Expect(page.Locator($"[data-testid=column-engaged] [data-testid=card-{movingId}]")).ToHaveCountAsync(1);
        await Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("moved to Engaged");
        Assert.Equal(ProspectStatus.Engaged, await StageOfAsync(movingId));

        await page.Locator($"[data-testid=card-{movingId}]").DragToAsync(page.Locator("[data-testid=zone-converted]"));
        await Expect(page.Locator("[data-testid=move-refused]")).ToContainTextAsync("use Convert on the prospect page");
        Assert.Equal(ProspectStatus.Engaged, await StageOfAsync(movingId));

        await page.ClickAsync("[data-testid=nav-acquisition-prospects]");
        await Expect(page.Locator("[data-testid=prospect-link]").First).ToBeVisibleAsync();
        await page.Locator("input[data-testid=filter-search], [data-testid=filter-search] input").First.FillAsync(tag);
        await Expect(page.Locator("[data-testid=prospect-link]")).ToHaveCountAsync(2);
        await Expect(page.Locator("[data-testid=prospect-link]").First).ToHaveTextAsync($"Moving {tag}");
        var arrHeader = page.Locator("[data-testid=prospects-grid] th").Filter(new() { HasText = "Est. ARR" }).Locator(".sortable-column-header, .column-header").First;
        await arrHeader.ClickAsync();
        await arrHeader.ClickAsync();
        await Expect(page.Locator("[data-testid=prospect-link]").First).ToHaveTextAsync($"Qualified <i>{tag}</i>");
        await DashboardApp.ScreenshotAsync(page, "acquisition-prospects");

        await page.GotoAsync($"/acquisition/prospects/{caseId}");
        await DashboardApp.WaitForCircuitAsync(page);
        await Expect(page.Locator("[data-testid=prospect-name]")).ToContainTextAsync($"Qualified <i>{tag}</i>");
        await Expect(page.Locator("[data-testid=coverage-champion]")).ToHaveAttributeAsync("data-present", "false");
        await DashboardApp.ScreenshotAsync(page, "acquisition-prospect-overview");

        await page.GetByRole(AriaRole.Tab, new() { Name = "Business case" }).ClickAsync();
        await FillAsync(page, "case-title", "Claims automation");
        await FillAsync(page, "case-investment", "250000");
        await FillAsync(page, "case-benefit", "120000");
        var firstNpv = StageNamesMoney(RoiCalculator.Compute(250_000m, 120_000m, 3, 0.08m).NpvUsd);
        await Expect(page.Locator("[data-testid=case-npv]")).ToContainTextAsync(firstNpv);
        await FillAsync(page, "case-benefit", "180000");
        await Expect(page.Locator("[data-testid=case-npv]")).ToContainTextAsync(StageNamesMoney(RoiCalculator.Compute(250_000m, 180_000m, 3, 0.08m).NpvUsd));
        await page.ClickAsync("[data-testid=case-save]");
        await page.ClickAsync("[data-testid=case-to-presented]");
        await page.ClickAsync("[data-testid=case-to-accepted]");
        await Expect(page.Locator("[data-testid=case-status]")).ToHaveTextAsync("Accepted");
        await DashboardApp.ScreenshotAsync(page, "acquisition-business-case");

        await page.GetByRole(AriaRole.Tab, new() { Name = "Score history" }).ClickAsync();
        await page.ClickAsync("[data-testid=rescore]");
        await Expect(page.Locator("[data-testid=factor-row]")).ToHaveCountAsync(8);
        await Expect(page.Locator("[data-testid=score-chart] svg.apexcharts-svg")).ToHaveCountAsync(1);
        await DashboardApp.ScreenshotAsync(page, "acquisition-score-history");

        await page.GetByRole(AriaRole.Tab, new() { Name = "Sequences" }).ClickAsync();
        await page.ClickAsync("[data-testid=sequence-start-button]");
        await Expect(page.Locator("[data-testid=sequence-message]")).ToContainTextAsync("started");
        await page.Locator("[data-testid=mark-sent]").First.ClickAsync();
        await Expect(page.Locator("[data-testid=step-status]").Filter(new() { HasText = "sent" })).ToHaveCountAsync(1);
        await DashboardApp.ScreenshotAsync(page, "acquisition-sequences");

        await page.GetByRole(AriaRole.Tab, new() { Name = "ROI tracking" }).ClickAsync();
        await FillAsync(page, "roi-period", "2026-01");
        await FillAsync(page, "roi-invested", "10000");
        await FillAsync(page, "roi-realized", "4000");
        await page.ClickAsync("[data-testid=roi-record]");
        // The first month is saved (and the form reset) before the second is typed: once in CI only the first month was
        // recorded (-60 %), most likely the second month's typing reaching the circuit before the reset.
        await Expect(page.Locator("[data-testid=roi-cumulative]").Last).ToHaveTextAsync("-60 %");
        await FillAsync(page, "roi-period", "2026-02");
        await FillAsync(page, "roi-invested", "5000");
        await FillAsync(page, "roi-realized", "16000");
        await page.ClickAsync("[data-testid=roi-record]");
        await Expect(page.Locator("[data-testid=roi-cumulative]").Last).ToHaveTextAsync("33.33 %");
        await Expect(page.Locator("[data-testid=roi-chart] svg.apexcharts-svg")).ToHaveCountAsync(1);
        await DashboardApp.ScreenshotAsync(page, "acquisition-roi");

        await page.GetByRole(AriaRole.Tab, new() { Name = "Activity" }).ClickAsync();
        await Expect(page.Locator("[data-testid=activity]")).ToContainTextAsync("Business case \"Claims automation\" accepted.");
        await DashboardApp.ScreenshotAsync(page, "acquisition-activity");

        await page.ClickAsync("[data-testid=convert]");
        await Expect(page.Locator("[data-testid=convert-contacts]")).ToContainTextAsync("Ana <b>Ruiz</b>");
        await Expect(page.Locator("[data-testid=convert-no-email]")).ToContainTextAsync("Bo Li");
        await Expect(page.Locator("[data-testid=convert-deal]")).ToContainTextAsync("$900,000");
        await DashboardApp.ScreenshotAsync(page, "acquisition-convert-preview");
        await page.ClickAsync("[data-testid=convert-confirm]");
        await Expect(page.Locator("[data-testid=pipeline-check]")).ToContainTextAsync("grew by exactly the new deal");
        await DashboardApp.ScreenshotAsync(page, "acquisition-convert-result");
        await page.ClickAsync("[data-testid=convert-close]");
        await Expect(page.Locator("[data-testid=prospect-stage]")).ToHaveTextAsync("Converted");

        await page.ClickAsync("[data-testid=nav-crm]");
        await page.Locator("[data-testid=crm-search] input, input[data-testid=crm-search]").First.FillAsync($"ana.{tag}");
        await Expect(page.Locator("[data-testid=crm-contacts] tr").Filter(new() { HasText = $"ana.{tag}@example.test" })).ToContainTextAsync("Ana <b>Ruiz</b>");

        await using var scope = App.Services.CreateAsyncScope();
        var saved = await scope.ServiceProvider.GetRequiredService<BusinessCaseService>().CurrentAsync(SystemUser.Cli, caseId);
        Assert.Equal((BusinessCaseStatus.Accepted, 180_000m), (saved!.Status, saved.AnnualBenefitUsd));
        Assert.Equal(ProspectStatus.Converted, await StageOfAsync(caseId));
    }

    private async Task<(long Moving, long WithCase)> SeedAsync(string tag, string sales)
    {
        await App.EnsureLegacyDemoDataAsync();

        await App.SeedUserAsync(sales, Password, AppRoles.Sales);
        await using var scope = App.Services.CreateAsyncScope();
        var acquisition = scope.ServiceProvider.GetRequiredService<ProspectService>();
        var moving = await acquisition.CreateProspectAsync(SystemUser.Cli, new ProspectInput
        {
            CompanyName = $"Moving {tag}", EstimatedArrUsd = 400_000m, LeadScore = 62m, Owner = sales, Industry = "Retail",
        });
        var withCase = await acquisition.CreateProspectAsync(SystemUser.Cli, new ProspectInput
        {
            CompanyName = $"Qualified <i>{tag}</i>", EstimatedArrUsd = 900_000m, Owner = sales, Industry = "Banking", FortuneRank = 42,
            DecisionMakers =
            [
                new DecisionMaker { Name = "Ana <b>Ruiz</b>", Email = $"ana.{tag}@example.test", Role = DecisionMakerRole.EconomicBuyer, Influence = 5 },
                new DecisionMaker { Name = "Bo Li", Role = DecisionMakerRole.TechnicalBuyer, Influence = 3 },
            ],
        });
        Assert.True((await acquisition.MoveStageAsync(SystemUser.Cli, withCase.Id, ProspectStatus.Qualified)).Allowed);
        var yesterday = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1);
        await scope.ServiceProvider.GetRequiredService<SalesSequenceService>().StartSequenceAsync(SystemUser.Cli, moving.Id, SalesCadences.Enterprise5Touch, yesterday);
        return (moving.Id, withCase.Id);
    }

    private async Task<string> StageOfAsync(long id)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<ProspectService>().GetProspectAsync(SystemUser.Cli, id))!.Status;
    }

    private static Task FillAsync(IPage page, string testId, string value) =>
        page.Locator($"input[data-testid={testId}], [data-testid={testId}] input").First.FillAsync(value);

    private static string StageNamesMoney(decimal value) => Epic16.Dashboard.Components.Pages.Acquisition.StageNames.Money(value);
}
