using Epic16.Domain.Crm;
using Epic16.Domain.Security;
using Epic16.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace Epic16.Tests.EndToEnd;

[Collection(EndToEndCollection.Name)]
public sealed class CrmPageTests(DashboardApp app) : BrowserTest(app)
{
    private const string Password = "E2e-Sales-Pass1!";

    [Fact]
    public async Task Search_SalesUser_FindsContactAndSeesMarkupAsText()
    {
        var company = $"Ünited <b>Re</b> {Guid.NewGuid():N}";
        await using (var scope = App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<CrmService>()
                .CreateContactAsync("Ana <script>x</script> Ruiz", $"ana.{Guid.NewGuid():N}@example.test", company, "CFO", "e2e");
        }

        var sales = $"sales.{Guid.NewGuid():N}@epic16.test";
        await App.SeedUserAsync(sales, Password, AppRoles.Sales);
        var page = await NewPageAsync();
        await DashboardApp.SignInAsync(page, sales, Password);
        await page.ClickAsync("[data-testid=nav-crm]");
        await page.Locator("[data-testid=crm-search] input, input[data-testid=crm-search]").First.FillAsync(company[..12]);

        var row = page.Locator("[data-testid=crm-contacts] tr").Filter(new() { HasText = company });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync("Ana <script>x</script> Ruiz");
        await Expect(page.Locator("[data-testid=crm-contacts] b")).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-testid=open-pipeline]")).ToContainTextAsync("$");
        await DashboardApp.ScreenshotAsync(page, "crm-contacts");
    }
}
