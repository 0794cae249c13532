using Bunit;
using Epic16.Dashboard.Components.Pages.Acquisition;
using Epic16.Domain.Acquisition;
using Epic16.Tests.TestSupport;
using Epic16.Domain.Acquisition.BusinessCases;

namespace Epic16.Tests.Components.Acquisition;

public sealed class BusinessCaseEditorTests(PostgresServer postgres) : SalesPageContext(postgres)
{
    [Fact]
    public async Task Typing_ValidInputs_RecomputesNpvRoiAndPaybackAsTheUserTypes()
    {
        await UseStoreAsync();
        var prospect = await CreateAsync("Acme Corp");
        var editor = Render<BusinessCaseEditor>(p => p.Add(e => e.ProspectId, prospect.Id));
        editor.WaitForAssertion(() => editor.Find("[data-testid=case-npv]"));

        await TypeAsync(editor, "case-title", "Claims automation");
        await TypeAsync(editor, "case-investment", "100000");
        await TypeAsync(editor, "case-benefit", "60000");
        var first = RoiCalculator.Compute(100_000m, 60_000m, 3, 0.08m);
        Assert.Contains(StageNames.Money(first.NpvUsd), Text(editor, "case-npv"));
        Assert.Contains(StageNames.Percent(first.RoiPercent), Text(editor, "case-roi"));
        Assert.Contains($"{first.PaybackMonths:0.#} months", Text(editor, "case-payback"));

        await TypeAsync(editor, "case-benefit", "80000");
        await TypeAsync(editor, "case-rate", "12");
        var second = RoiCalculator.Compute(100_000m, 80_000m, 3, 0.12m);

        Assert.NotEqual(first.NpvUsd, second.NpvUsd);
        Assert.Contains(StageNames.Money(second.NpvUsd), Text(editor, "case-npv"));
        Assert.Contains(StageNames.Percent(second.RoiPercent), Text(editor, "case-roi"));
        Assert.Contains($"{second.PaybackMonths:0.#} months", Text(editor, "case-payback"));
        Assert.Empty(await Cases.ListAsync(Rep, prospect.Id));
    }

    [Fact]
    public async Task Save_InvalidInputs_ShowsFieldMessagesAndSavesNothing()
    {
        await UseStoreAsync();
        var prospect = await CreateAsync("Acme Corp");
        var editor = Render<BusinessCaseEditor>(p => p.Add(e => e.ProspectId, prospect.Id));
        editor.WaitForAssertion(() => editor.Find("[data-testid=case-save]"));

        await TypeAsync(editor, "case-investment", "-5");
        await TypeAsync(editor, "case-horizon", "40");
        await editor.InvokeAsync(() => editor.Find("[data-testid=case-save]").Click());

        Assert.Contains("nothing was saved", Text(editor, "case-message"));
        Assert.Contains("A title is required.", editor.Markup);
        Assert.Contains("The investment cannot be negative.", editor.Markup);
        Assert.Contains("The annual benefit is required.", editor.Markup);
        Assert.Contains("The horizon is 1 to 30 years", editor.Markup);
        Assert.Equal("—", Text(editor, "case-npv").Replace("NPV", "").Trim());
        Assert.Empty(await Cases.ListAsync(Rep, prospect.Id));
    }

    [Fact]
    public async Task SaveThenPresentAndAccept_StoresTheCaseAndItsStatus()
    {
        await UseStoreAsync();
        var prospect = await CreateAsync("Acme Corp");
        var editor = Render<BusinessCaseEditor>(p => p.Add(e => e.ProspectId, prospect.Id));
        editor.WaitForAssertion(() => editor.Find("[data-testid=case-save]"));
        await TypeAsync(editor, "case-title", "Claims <i>automation</i>");
        await TypeAsync(editor, "case-investment", "250000");
        await TypeAsync(editor, "case-benefit", "180000");

        await editor.InvokeAsync(() => editor.Find("[data-testid=case-save]").Click());
        editor.WaitForAssertion(() => editor.Find("[data-testid=case-to-presented]"));
        await editor.InvokeAsync(() => editor.Find("[data-testid=case-to-presented]").Click());
        editor.WaitForAssertion(() => editor.Find("[data-testid=case-to-accepted]"));
        await editor.InvokeAsync(() => editor.Find("[data-testid=case-to-accepted]").Click());

        editor.WaitForAssertion(() => Assert.Contains("Accepted", Text(editor, "case-status")));
        var saved = Assert.Single(await Cases.ListAsync(Rep, prospect.Id));
        Assert.Equal((BusinessCaseStatus.Accepted, "Claims <i>automation</i>", RoiCalculator.Compute(250_000m, 180_000m, 3, 0.08m).NpvUsd),
            (saved.Status, saved.Title, saved.Figures.NpvUsd));
        Assert.Empty(editor.FindAll("[data-testid=case-save]"));
    }

    private static string Text(IRenderedComponent<BusinessCaseEditor> editor, string testId) => editor.Find($"[data-testid={testId}]").TextContent;

    private static Task TypeAsync(IRenderedComponent<BusinessCaseEditor> editor, string testId, string value) =>
        editor.InvokeAsync(() => editor.Find($"input[data-testid={testId}], [data-testid={testId}] input").Input(value));
}
