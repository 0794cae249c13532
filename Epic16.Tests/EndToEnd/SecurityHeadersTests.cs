using System.Net;
using System.Text.RegularExpressions;
using Epic16.Domain.Security;
using Epic16.Tests.TestSupport;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static Microsoft.Playwright.Assertions;

namespace Epic16.Tests.EndToEnd;

[Collection(EndToEndCollection.Name)]
public sealed partial class SecurityHeadersTests(DashboardApp app, PostgresServer postgres) : BrowserTest(app)
{
    private const string Password = "E2e-Headers-Pass1!";

    [Theory]
    [InlineData("/Account/Login")]
    [InlineData("/healthz")]
    [InlineData("/favicon.png")]
    public async Task AnyResponse_CarriesCspNoFramingNosniffAndReferrerPolicy(string path)
    {
        using var client = App.CreateHttpClient();

        using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);

        var csp = Header(response, "Content-Security-Policy");
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("default-src 'self'", csp);
        Assert.Matches(@"script-src 'self' 'nonce-[A-Za-z0-9_-]{20,}'", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header(response, "Referrer-Policy"));
    }

    [Fact]
    public async Task SignInPage_ImportMap_CarriesThisResponsesNonce()
    {
        using var client = App.CreateHttpClient();

        using var response = await client.GetAsync("/Account/Login", TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        var nonce = NonceRegex().Match(Header(response, "Content-Security-Policy")).Groups[1].Value;
        Assert.Contains($"<script type=\"importmap\" nonce=\"{nonce}\"", html);
        using var second = await client.GetAsync("/Account/Login", TestContext.Current.CancellationToken);
        Assert.DoesNotContain($"'nonce-{nonce}'", Header(second, "Content-Security-Policy"));
    }

    [Fact]
    public async Task AdminPages_UnderThePolicy_RunBlazorAndApexChartsWithoutViolations()
    {
        var email = $"admin.csp.{Guid.NewGuid():N}@epic16.test";
        await App.SeedUserAsync(email, Password, AppRoles.Admin);
        var page = await NewPageAsync();
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                violations.Add(message.Text);
            }
        };

        await DashboardApp.SignInAsync(page, email, Password);
        await page.GotoAsync("/admin/migration/status");
        await DashboardApp.WaitForCircuitAsync(page);
        await Expect(page.Locator("[data-testid=latency-chart] svg.apexcharts-svg")).ToHaveCountAsync(1);
        await page.GotoAsync("/admin/users");
        await DashboardApp.WaitForCircuitAsync(page);
        await Expect(page.Locator("[data-testid=users-table]")).ToContainTextAsync(email);

        Assert.Empty(violations);
    }

    [Fact]
    public async Task Production_BehindTlsProxy_SendsHstsAndKeepsTheSignInCookieSecure()
    {
        await using var production = await DashboardApp.StartAsync(await postgres.CreateDatabaseAsync("prod"),
            new Dictionary<string, string?> { ["environment"] = "Production" });
        using var client = production.CreateHttpClient();

        using var proxied = new HttpRequestMessage(HttpMethod.Get, "/Account/Login");
        proxied.Headers.Host = "dashboard.epic16.example";
        proxied.Headers.Add("X-Forwarded-Proto", "https");
        using var overTls = await client.SendAsync(proxied, TestContext.Current.CancellationToken);
        using var plain = new HttpRequestMessage(HttpMethod.Get, "/Account/Login");
        plain.Headers.Host = "dashboard.epic16.example";
        using var overHttp = await client.SendAsync(plain, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, overTls.StatusCode);
        Assert.StartsWith("max-age=31536000", Header(overTls, "Strict-Transport-Security"));
        Assert.False(overHttp.Headers.Contains("Strict-Transport-Security"));
        var cookie = production.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme).Cookie;
        Assert.Equal(CookieSecurePolicy.Always, cookie.SecurePolicy);
        Assert.True(cookie.HttpOnly);
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : throw new Xunit.Sdk.XunitException($"{name} is missing from the response to {response.RequestMessage?.RequestUri}");

    [GeneratedRegex(@"'nonce-([^']+)'")]
    private static partial Regex NonceRegex();
}
