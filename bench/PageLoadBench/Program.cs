// Full page loads of the running dashboard, as a signed-in user feels them, in Debian's Chromium (never a downloaded browser).
// For each page: WARMUP untimed loads, then ITERATIONS timed ones. One load = page.GotoAsync(url) from a page that
// is already open in the same signed-in tab (warm HTTP cache, as for a returning user), then the page counts as loaded when
//   1. the live circuit is up (MainLayout's [data-testid=circuit-ready], i.e. the interactive render happened),
//   2. the page's own content marker is visible and no progress bar, spinner or skeleton is shown, and
//   3. the page is idle: Playwright's NetworkIdle, and no HTTP request in flight and no WebSocket frame (Blazor's render batches
//      and JS interop) for 500 ms.
// (1) and (2) are checked together on every animation frame of the new document.
// The time reported is from the navigation's start to the later of (2) and the last network activity before the quiet
// window, so the 500 ms quiet window itself is not counted. Prints TSV: page, role, iterations, p50/p95/max ms, and the p50
// of where the time went (from the document's navigation timing): first byte of the prerendered HTML (the server's prerender),
// its last byte, the circuit's first interactive render, content shown; then console errors seen. Exits 3 when a page fails to load or shows the Blazor error UI.
// Usage: PageLoadBench <base url> <password> <prospect id> <campaign id> <client id> [iterations=30] [warmup=3]
using System.Diagnostics;
using System.Globalization;
using Microsoft.Playwright;
using Epic16.Bench;

if (args.Length < 5)
{
    Console.Error.WriteLine("usage: PageLoadBench <base url> <password> <prospect id> <campaign id> <client id> [iterations] [warmup]");
    return 2;
}

var (baseUrl, password) = (args[0].TrimEnd('/'), args[1]);
var iterations = args.Length > 5 ? int.Parse(args[5], CultureInfo.InvariantCulture) : 30;
var warmup = args.Length > 6 ? int.Parse(args[6], CultureInfo.InvariantCulture) : 3;
const string Admin = "Admin";

// (path, role that opens it, marker of the page's own content once its data is shown)
var pages = new (string Path, string Role, string Marker)[]
{
    ("/", Admin, "[data-testid=tile]"),
    ("/", "Sales", "[data-testid=tile]"),
    ("/", "CustomerSuccess", "[data-testid=tile]"),
    ("/", "Executive", "[data-testid=tile]"),
    ("/acquisition/pipeline", Admin, "[data-testid=column-count]"),
    ("/acquisition/prospects", Admin, "[data-testid=prospect-link]"),
    ($"/acquisition/prospects/{args[2]}", Admin, "[data-testid=prospect-name]"),
    ("/crm", Admin, "[data-testid=crm-contacts] tbody tr"),
    ("/abm/campaigns", Admin, "[data-testid=campaign-link]"),
    ($"/abm/campaigns/{args[3]}", Admin, "[data-testid=campaign-title]"),
    ("/abm/content", Admin, "[data-testid=content-card]"),
    ("/abm/touchpoints", Admin, "[data-testid=touchpoints-grid] tbody a[href^='/abm/campaigns/']"),
    ("/onboarding", Admin, "[data-testid=shown-count]"),
    ($"/onboarding/clients/{args[4]}", Admin, "[data-testid=client-name]"),
    ("/onboarding/escalations", Admin, "[data-testid=queue-summary]"),
    ("/onboarding/templates", Admin, "[data-testid=new-template]"),
    ("/executive", Admin, "[data-testid=exec-filters]"),
    ("/admin/migration", Admin, "[data-testid=tables]"),
    ("/admin/migration/status", Admin, "[data-testid=refreshed-at]"),
    ("/admin/users", Admin, "[data-testid=users-table] tbody tr"),
};

using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new()
{
    ExecutablePath = File.Exists("/usr/bin/chromium") ? "/usr/bin/chromium" : throw new InvalidOperationException("/usr/bin/chromium is missing (apt-get install chromium)"),
    Headless = true,
    Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});

Console.Error.WriteLine($"{warmup} warm-up + {iterations} timed loads per page, {baseUrl}");
Console.WriteLine("page\trole\titerations\tp50_ms\tp95_ms\tmax_ms\tfirst_byte_p50\thtml_done_p50\tinteractive_p50\tcontent_p50\tconsole_errors");
var failed = false;
var tabs = new Dictionary<string, Tab>();
var only = Environment.GetEnvironmentVariable("BENCH_PAGES"); // optional: a regex on "role path", e.g. "Admin /abm"
foreach (var (path, role, marker) in pages.Where(p => string.IsNullOrEmpty(only) || System.Text.RegularExpressions.Regex.IsMatch($"{p.Role} {p.Path}", only)))
{
    if (!tabs.TryGetValue(role, out var tab))
    {
        tab = tabs[role] = await Tab.SignInAsync(browser, baseUrl, $"bench-{role.ToLowerInvariant()}@epic16.test", password);
    }

    var totals = new List<double>();
    var parts = Enumerable.Range(0, 4).Select(_ => new List<double>()).ToArray();
    tab.Errors.Clear();
    try
    {
        for (var i = 0; i < warmup + iterations; i++)
        {
            var (total, split) = await tab.LoadAsync(baseUrl + path, marker);
            if (i >= warmup)
            {
                totals.Add(total);
                for (var k = 0; k < parts.Length; k++)
                {
                    parts[k].Add(split[k]);
                }
            }
        }
    }
    catch (Exception e) when (e is PlaywrightException or TimeoutException or InvalidOperationException)
    {
        failed = true;
        Console.Error.WriteLine($"{path} ({role}): {e.Message.Split('\n')[0]}");
        try
        {
            await tab.Page.ScreenshotAsync(new() { Path = $"page-load-failed-{role}{path.Replace('/', '_')}.png", Timeout = 20_000 });
        }
        catch (Exception shot) when (shot is PlaywrightException or TimeoutException)
        {
            Console.Error.WriteLine($"  no screenshot: {shot.Message.Split('\n')[0]}");
        }

        // The tab may still be busy with the failed page: the next page of this role signs in on a fresh one.
        tabs.Remove(role);
        await tab.Page.Context.CloseAsync();
    }

    foreach (var error in tab.Errors.Distinct().Take(5))
    {
        Console.Error.WriteLine($"  console error on {path} ({role}): {error}");
    }

    Console.WriteLine(string.Join('\t', path, role, totals.Count, Percentiles.Ms(Percentiles.Of(totals, 50)), Percentiles.Ms(Percentiles.Of(totals, 95)),
        Percentiles.Ms(totals.DefaultIfEmpty(double.NaN).Max()), string.Join('\t', parts.Select(x => Percentiles.Ms(Percentiles.Of(x, 50)))), tab.Errors.Count + (totals.Count < iterations ? "\tFAILED" : "")));
}

foreach (var tab in tabs.Values)
{
    await tab.Page.Context.CloseAsync();
}

return failed ? 3 : 0;

/// <summary>One signed-in tab of one role, with the network activity it has seen (HTTP requests and WebSocket frames).</summary>
internal sealed class Tab
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private int _inFlight;
    private double _lastActivity;

    private Tab(IPage page)
    {
        Page = page;
        page.Request += (_, _) => Touch(+1);
        page.RequestFinished += (_, _) => Touch(-1);
        page.RequestFailed += (_, _) => Touch(-1);
        page.WebSocket += (_, ws) =>
        {
            ws.FrameReceived += (_, _) => Touch(0);
            ws.FrameSent += (_, _) => Touch(0);
        };
        page.Console += (_, m) => { if (m.Type == "error") Errors.Add(m.Text); };
        page.PageError += (_, e) => Errors.Add(e);
    }

    public IPage Page { get; }

    public List<string> Errors { get; } = [];

    public static async Task<Tab> SignInAsync(IBrowser browser, string baseUrl, string email, string password)
    {
        var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1366, Height = 850 }, Locale = "en-US" });
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();
        await SignIn.AsAsync(page, baseUrl, email, password);
        // Notes when the circuit's first interactive render put MainLayout's marker in the document (ms since navigation start).
        await context.AddInitScriptAsync("""
            new MutationObserver((_, o) => {
                if (document.querySelector('[data-testid=circuit-ready]')) { window.__interactiveAt = performance.now(); o.disconnect(); }
            }).observe(document, { childList: true, subtree: true });
            """);
        return new Tab(page);
    }

    /// <summary>One full load: ms to idle, and ms to first byte, last byte, interactive render and content shown.</summary>
    public async Task<(double Total, double[] Split)> LoadAsync(string url, string marker)
    {
        var start = _clock.Elapsed.TotalMilliseconds;
        Volatile.Write(ref _lastActivity, start);
        // Commit, not NetworkIdle: NetworkIdle resolves only after 500 quiet ms, which would be counted as load time.
        var response = await Page.GotoAsync(url, new() { WaitUntil = WaitUntilState.Commit });
        if (response is null || !response.Ok || !response.Url.StartsWith(url, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"{url} answered {response?.Status} at {response?.Url}");
        }

        // Checked on every animation frame in the new document: circuit live, content visible, nothing loading.
        await Page.WaitForFunctionAsync(
            """
            ([marker, busy]) => document.querySelector('[data-testid=circuit-ready]') !== null
                && [...document.querySelectorAll(marker)].some(e => e.offsetParent !== null || e.getClientRects().length > 0)
                && ![...document.querySelectorAll(busy)].some(e => e.offsetParent !== null)
            """, new[] { marker, Selectors.Busy });
        var content = _clock.Elapsed.TotalMilliseconds;
        var timing = await Page.EvaluateAsync<double[]>("""
            () => { const n = performance.getEntriesByType('navigation')[0];
                    return [n.responseStart, n.responseEnd, window.__interactiveAt ?? NaN, performance.now()]; }
            """);
        if (await Page.Locator("#blazor-error-ui").IsVisibleAsync())
        {
            throw new InvalidOperationException($"{url} shows the Blazor error UI");
        }

        // Idle: Playwright's network idle, and nothing in flight and no WebSocket frame for 500 ms (quiet windows not counted).
        await Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var deadline = content + 30_000;
        while (Volatile.Read(ref _inFlight) > 0 || _clock.Elapsed.TotalMilliseconds - Volatile.Read(ref _lastActivity) < 500)
        {
            if (_clock.Elapsed.TotalMilliseconds > deadline)
            {
                throw new TimeoutException($"{url} did not go idle within 30 s");
            }

            await Task.Delay(25);
        }

        // Navigation timing counts from the document's own start, a few ms after ours: shift it onto our clock.
        var shift = content - start - timing[3];
        return (Math.Max(content, Volatile.Read(ref _lastActivity)) - start, [timing[0] + shift, timing[1] + shift, timing[2] + shift, content - start]);
    }

    private void Touch(int delta)
    {
        Interlocked.Add(ref _inFlight, delta);
        Volatile.Write(ref _lastActivity, _clock.Elapsed.TotalMilliseconds);
    }
}

internal static class Selectors
{
    /// <summary>Shown while a page still loads its data (MudBlazor's progress bars, spinners, skeletons, a table's loading row).</summary>
    public const string Busy = ".mud-progress-linear, .mud-progress-circular, .mud-skeleton, .mud-table-loading";
}
