using System.Net;
using Epic16.Domain.Acquisition.Prospects;
using Epic16.Domain.Security;
using Epic16.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace Epic16.Tests.EndToEnd;

/// <summary>The prospects CSV comes from a download endpoint that streams the filtered rows, for the roles that may see them.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class ProspectExportTests(DashboardApp app) : BrowserTest(app)
{
    private const string Password = "E2e-Export-Pass1!";

    [Fact]
    public async Task ExportLink_SalesUser_DownloadsTheFilteredRowsAsCsv_OtherRolesAndAnonymousGetNone()
    {
        var tag = Guid.NewGuid().ToString("N")[..10];
        await App.EnsureLegacyDemoDataAsync();

        var sales = $"sales.export.{tag}@epic16.test";
        var csm = $"csm.export.{tag}@epic16.test";
        await App.SeedUserAsync(sales, Password, AppRoles.Sales);
        await App.SeedUserAsync(csm, Password, AppRoles.CustomerSuccess);
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var prospects = scope.ServiceProvider.GetRequiredService<ProspectService>();
            foreach (var name in new[] { "Alpha", "Bravo, \"Quoted\"", "=Formula" })
            {
                await prospects.CreateProspectAsync(SystemUser.Cli, new ProspectInput { CompanyName = $"{name} {tag}", Industry = "Retail", EstimatedArrUsd = 100_000m });
            }
        }

        var page = await NewPageAsync();
        await DashboardApp.SignInAsync(page, sales, Password);
        await page.GotoAsync("/acquisition/prospects");
        await Expect(page.Locator("[data-testid=export-csv]")).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("^/acquisition/prospects/export\\.csv"));
        await Expect(page.Locator("[data-testid=export-csv]")).ToHaveAttributeAsync("download", "prospects.csv");

        var response = await page.Context.APIRequest.GetAsync($"/acquisition/prospects/export.csv?search={tag}&sortBy=Company&desc=true");
        Assert.Equal(200, response.Status);
        Assert.StartsWith("text/csv", response.Headers["content-type"]);
        Assert.Contains("attachment", response.Headers["content-disposition"]);
        var lines = (await response.TextAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("id,company_name,", lines[0]);
        Assert.Equal(3, lines.Length - 1);
        // Descending by company (ordinal: '=' sorts before letters), RFC 4180 quoting, and a formula defused.
        Assert.Contains($"\"Bravo, \"\"Quoted\"\" {tag}\"", lines[1]);
        Assert.Contains($"Alpha {tag}", lines[2]);
        Assert.Contains($"'=Formula {tag}", lines[3]);

        using var anonymous = App.CreateHttpClient();
        using var refused = await anonymous.GetAsync($"/acquisition/prospects/export.csv?search={tag}", TestContext.Current.CancellationToken);
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
        Assert.DoesNotContain(tag, await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        var other = await NewPageAsync();
        await DashboardApp.SignInAsync(other, csm, Password);
        var denied = await other.Context.APIRequest.GetAsync($"/acquisition/prospects/export.csv?search={tag}", new() { MaxRedirects = 0 });
        Assert.NotEqual(200, denied.Status);
        Assert.DoesNotContain(tag, await denied.TextAsync());
    }
}
