using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Epic16.Tests.TestSupport;

namespace Epic16.Tests.Foundation;

[Collection(EndToEndCollection.Name)]
public sealed partial class ConfigurationTests(DashboardApp app)
{
    [Fact]
    public async Task LoginPage_TopLevelAppSettings_ShowsConfiguredTitle()
    {
        using var settings = JsonDocument.Parse(await File.ReadAllTextAsync(RepositoryRoot.Combine("appsettings.json"), TestContext.Current.CancellationToken));
        var title = settings.RootElement.GetProperty("App").GetProperty("Title").GetString();
        Assert.False(string.IsNullOrWhiteSpace(title));

        using var client = app.CreateHttpClient();
        var html = await client.GetStringAsync("/Account/Login", TestContext.Current.CancellationToken);

        var shown = AppTitle().Match(html);
        Assert.True(shown.Success, "the login page has no [data-testid=app-title]");
        Assert.Equal(title, WebUtility.HtmlDecode(shown.Groups[1].Value).Trim());
    }

    [GeneratedRegex("""data-testid="app-title"[^>]*>([^<]*)<""")]
    private static partial Regex AppTitle();
}
