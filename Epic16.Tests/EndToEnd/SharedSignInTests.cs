using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Epic16.Domain.Security;
using Epic16.Tests.TestSupport;
using Npgsql;

namespace Epic16.Tests.EndToEnd;

/// <summary>Two instances on one database accept each other's sign-in cookies; a restarted instance keeps everyone signed in.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class SharedSignInTests(PostgresServer postgres)
{
    private const string Password = "E2e-Shared-Pass1!";

    [Fact]
    public async Task SignInOnOneInstance_OtherAndRestartedInstances_AcceptTheCookie()
    {
        var db = await postgres.CreateDatabaseAsync("shared");
        var email = $"exec.shared.{Guid.NewGuid():N}@epic16.test";
        string cookie;
        await using (var first = await DashboardApp.StartAsync(db))
        {
            await first.SeedUserAsync(email, Password, AppRoles.Executive);
            var page = await first.NewPageAsync();
            await DashboardApp.SignInAsync(page, email, Password);
            var cookies = await page.Context.CookiesAsync();
            cookie = string.Join("; ", cookies.Select(c => $"{c.Name}={c.Value}"));
            Assert.Contains(".AspNetCore.Identity.Application=", cookie);

            await using var second = await DashboardApp.StartAsync(db);
            await AssertSignedInAsync(second, cookie, email);
        }

        await using var restarted = await DashboardApp.StartAsync(db);
        await AssertSignedInAsync(restarted, cookie, email);
        Assert.True(await ScalarAsync<long>(db, "SELECT count(*) FROM data_protection_keys") >= 1);
    }

    [Fact]
    public async Task CertificateConfigured_StoredKeys_AreEncryptedAtRest()
    {
        var db = await postgres.CreateDatabaseAsync("shared");
        using var folder = new TempFolder();
        var pfx = folder.Combine("keys.pfx");
        using (var rsa = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=epic16-data-protection", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pfx, "pfx-pass"), TestContext.Current.CancellationToken);
        }

        var settings = new Dictionary<string, string?>
        {
            [SharedDataProtection.CertificatePathKey] = pfx,
            [SharedDataProtection.CertificatePasswordKey] = "pfx-pass",
        };
        await using (var app = await DashboardApp.StartAsync(db, settings))
        {
            using var client = app.CreateHttpClient();
            // The sign-in form's anti-forgery token needs a key: the first request creates and stores it.
            using var login = await client.GetAsync("/Account/Login", TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        }

        var xml = await ScalarAsync<string>(db, "SELECT xml FROM data_protection_keys ORDER BY id LIMIT 1");
        Assert.Contains("encryptedSecret", xml);
        Assert.DoesNotContain("<masterKey", xml);
    }

    private static async Task AssertSignedInAsync(DashboardApp app, string cookie, string email)
    {
        using var client = app.CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Cookie", cookie);

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(email, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    private static async Task<T> ScalarAsync<T>(string db, string sql)
    {
        await using var connection = new NpgsqlConnection(db);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }
}
