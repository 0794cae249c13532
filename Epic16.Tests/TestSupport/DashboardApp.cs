using System.Net;
using Epic16.Domain.DemoData;
using Epic16.Domain.Persistence.Legacy;
using Epic16.Domain.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Epic16.Tests.TestSupport;

/// <summary>
/// The real dashboard on Kestrel (environment "Testing") on its own database, and a headless Debian Chromium to browse it.
/// Shared by the end-to-end collection; each test takes a new browser context (cookies are not shared).
/// </summary>
public sealed class DashboardApp : IAsyncLifetime
{
    private readonly PostgresServer? _postgres;
    private readonly Dictionary<string, string?> _settings = [];
    private readonly SemaphoreSlim _browserLock = new(1, 1);
    private readonly List<IBrowserContext> _contexts = [];
    private DashboardFactory? _factory;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>As a fixture: a fresh database cloned from the server's template.</summary>
    public DashboardApp(PostgresServer postgres) => _postgres = postgres;

    private DashboardApp(string connectionString, IDictionary<string, string?>? settings)
    {
        ConnectionString = connectionString;
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    /// <summary>`http://localhost:PORT` (a name, not an IP: WebAuthn scripts refuse IP origins).</summary>
    public string BaseAddress { get; private set; } = "";

    public string ConnectionString { get; private set; } = "";

    public string LegacyDirectory { get; } = Directory.CreateTempSubdirectory("epic16-legacy-").FullName;

    /// <summary>The running app's root service provider.</summary>
    public IServiceProvider Services => _factory?.Services ?? throw new InvalidOperationException("The app is not started.");

    /// <summary>Starts an app outside the fixture, e.g. on an unreachable database; dispose it when done.</summary>
    public static async Task<DashboardApp> StartAsync(string connectionString, IDictionary<string, string?>? settings = null)
    {
        var app = new DashboardApp(connectionString, settings);
        await app.InitializeAsync();
        return app;
    }

    public async ValueTask InitializeAsync()
    {
        if (_postgres is not null)
        {
            ConnectionString = await _postgres.CreateDatabaseAsync("e2e");
        }

        _settings["ConnectionStrings:BusinessCore"] = ConnectionString;
        _settings.TryAdd("Legacy:Directory", LegacyDirectory);
        _settings.TryAdd("Backups:Directory", Directory.CreateTempSubdirectory("epic16-backups-").FullName);
        _settings.TryAdd("Logging:LogLevel:Default", "Warning");

        var port = FreePort.Next();
        BaseAddress = $"http://localhost:{port}";
        _factory = new DashboardFactory(_settings);
        _factory.UseKestrel(kestrel => kestrel.ListenLocalhost(port));
        await Task.Run(_factory.StartServer);
    }

    /// <summary>An HTTP client to the real server; redirects are not followed so tests can see them.</summary>
    public HttpClient CreateHttpClient() =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = new Uri(BaseAddress) };

    /// <summary>The demo's legacy SQLite files in the app's legacy folder (the store of its default mode), written once for the run.</summary>
    public async Task EnsureLegacyDemoDataAsync()
    {
        if (!File.Exists(LegacyStore.Acquisition.PathIn(LegacyDirectory)))
        {
            await DemoDataGenerator.GenerateAsync(LegacyDirectory);
        }
    }

    /// <summary>Creates a user through the app's own UserAdministration, as the CLI does.</summary>
    public async Task<UserSummary> SeedUserAsync(string email, string password, params string[] roles)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserAdministration>().AddAsync(SystemUser.Cli, email, password, roles);
    }

    /// <summary>A page in a new browser context (own cookies) pointed at the app.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var browser = await BrowserAsync();
        var context = await browser.NewContextAsync(new()
        {
            BaseURL = BaseAddress,
            ViewportSize = new() { Width = 1366, Height = 850 },
            Locale = "en-US",
        });
        context.SetDefaultTimeout(20_000);
        lock (_contexts)
        {
            _contexts.Add(context);
        }

        return await context.NewPageAsync();
    }

    /// <summary>Fills the sign-in form and submits it; does not judge the outcome.</summary>
    public static async Task SubmitSignInAsync(IPage page, string email, string password)
    {
        if (!page.Url.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase))
        {
            await page.GotoAsync("/Account/Login");
        }

        await page.FillAsync("#Input\\.Email", email);
        await page.FillAsync("#Input\\.Password", password);
        var posted = page.WaitForResponseAsync(r => r.Request.Method == "POST" && r.Url.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase));
        await page.ClickAsync("[data-testid=sign-in]");
        await posted;
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }

    /// <summary>Signs in and waits until the app shell is interactive.</summary>
    public static async Task SignInAsync(IPage page, string email, string password)
    {
        await SubmitSignInAsync(page, email, password);
        await page.WaitForURLAsync(url => !url.Contains("/Account/", StringComparison.OrdinalIgnoreCase));
        await WaitForCircuitAsync(page);
    }

    /// <summary>Waits for Blazor's script and the live circuit (MainLayout marks it), so clicks reach the server.</summary>
    public static async Task WaitForCircuitAsync(IPage page)
    {
        await page.WaitForFunctionAsync("() => window.Blazor !== undefined");
        await page.Locator("[data-testid=circuit-ready]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
    }

    /// <summary>Saves a full-page screenshot to TestResults/screenshots/&lt;name&gt;.png at the repository root.</summary>
    public static async Task<string> ScreenshotAsync(IPage page, string name)
    {
        var folder = RepositoryRoot.Combine("TestResults", "screenshots");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"{name}.png");
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.CloseAsync(); // a no-op for contexts a test closed already
        }

        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        _browserLock.Dispose();
        Directory.Delete(LegacyDirectory, recursive: true);
    }

    private async Task<IBrowser> BrowserAsync()
    {
        await _browserLock.WaitAsync();
        try
        {
            if (_browser is null)
            {
                _playwright = await Playwright.CreateAsync();
                _browser = await _playwright.Chromium.LaunchAsync(Chromium.LaunchOptions);
            }

            return _browser;
        }
        finally
        {
            _browserLock.Release();
        }
    }

    private sealed class DashboardFactory(IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            // Outside Development the app serves only published assets; the tests run from the build output.
            builder.UseStaticWebAssets();
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
        }
    }
}
