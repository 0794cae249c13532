using System.Collections.Concurrent;
using System.Diagnostics;
using Epic16.Bench;
using Microsoft.Playwright;

/// <summary>One signed-in Sales user: its own BrowserContext (cookie), tab and circuit, and the sales script it loops through.</summary>
internal sealed class VirtualUser
{
    private const int TimeoutMs = 30_000;

    private static readonly string[] Open = ["identified", "researching", "engaged", "qualified", "proposal", "negotiation"];

    // Name families of bench/acquisition-seed.sql: company "<word> <group> g" with word = g % 12 and group = (g / 12) % 8, so a
    // family is g mod 96, and its stage, (g * 13 + g / 12) % 8, is the same for all of it: only the 60 families seeded in an
    // open stage have cards to move. 'Épsilon' (its É is not lower-cased under the C locale) and 'eta' (contained in beta, Zeta
    // and Theta) are left out, so no two families overlap; users past the 60th share a family (and may move the same cards).
    private static readonly string[] SeedWords = ["Acme", "beta", "Gamma", "Delta", "Épsilon", "Zeta", "eta", "Theta", "Iota", "Kappa", "lambda", "Mu"];
    private static readonly string[] SeedGroups = ["Holdings", "Industries", "Bank", "Air", "Energy", "Retail", "Systems", "Group"];
    private static readonly string[] Families =
    [
        .. from g in Enumerable.Range(0, SeedGroups.Length)
           from w in Enumerable.Range(0, SeedWords.Length)
           where w != 4 && w != 6 && ((w + 12 * g) * 13 + g) % 8 < Open.Length
           select $"{SeedWords[w]} {SeedGroups[g]}",
    ];

    // Each interaction runs inside the page: the action (a click on the element, or the text set and an input event, as a typing
    // user sends), then a wait for its result on every DOM mutation (MutationObserver, plus a 100 ms check), no animation-frame
    // polling: twenty tabs polling every frame would keep a two-core machine busy drawing frames. It answers the ms from the
    // action to the result on the page's own clock (performance.now), and what the result showed.
    // (An init script, not a page script: the app's Content-Security-Policy allows no inline script, and none is needed here.)
    // Unless BENCH_CLIENT_ANIMATIONS=1: no chart animations (ApexCharts' global window.Apex options) and no CSS animations or
    // transitions. They cost the browser, not the server: twenty browsers on the server's two cores would otherwise spend most of
    // the machine drawing them, and the figures would say more about the load generator than about the app.
    private const string Calm = """
        window.Apex = { chart: { animations: { enabled: false } } };
        document.addEventListener('DOMContentLoaded', () => {
            const style = document.createElement('style');
            style.textContent = '*, *::before, *::after { animation-duration: 0s !important; animation-delay: 0s !important; transition-duration: 0s !important; transition-delay: 0s !important; }';
            document.head.appendChild(style);
        });
        """;

    private const string Script = """
        window.__bench = (() => {
            const busy = '.mud-progress-linear, .mud-progress-circular, .mud-skeleton, .mud-table-loading';
            const quiet = () => ![...document.querySelectorAll(busy)].some(e => e.offsetParent !== null);
            const text = s => (document.querySelector(s)?.textContent ?? '').trim();
            const wait = (check, timeout, what) => new Promise((resolve, reject) => {
                let done = false, obs, iv, to;
                const end = () => { done = true; obs.disconnect(); clearInterval(iv); clearTimeout(to); };
                const test = () => {
                    if (done) return;
                    let r = null;
                    try { r = check(); } catch { r = null; }
                    if (r) { end(); resolve(r); }
                };
                obs = new MutationObserver(test);
                obs.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
                iv = setInterval(test, 100);
                to = setTimeout(() => { if (!done) { end(); reject(new Error(`timeout after ${timeout} ms waiting for ${what}`)); } }, timeout);
                test();
            });
            const click = s => {
                const e = document.querySelector(s);
                if (!e) throw new Error(`nothing to click: ${s}`);
                e.click();
            };
            const page = {
                pipeline: () => location.pathname === '/acquisition/pipeline' && document.querySelector('[data-testid=column-count]') !== null && quiet(),
                grid: () => location.pathname === '/acquisition/prospects' && document.querySelector('[data-testid=prospect-link]') !== null && quiet(),
            };
            return {
                async run(kind, a, timeout) {
                    const t0 = performance.now();
                    let shown = '';
                    if (kind === 'pipeline' || kind === 'grid') {
                        click(kind === 'pipeline' ? '[data-testid=nav-acquisition-pipeline]' : '[data-testid=nav-acquisition-prospects]');
                        await wait(page[kind], timeout, kind);
                    } else if (kind === 'search') {
                        const input = document.querySelector('input[data-testid=filter-search], [data-testid=filter-search] input');
                        input.focus();
                        input.value = a[0];
                        input.dispatchEvent(new Event('input', { bubbles: true }));
                        const needle = a[0].toLowerCase();
                        await wait(() => {
                            const cards = [...document.querySelectorAll('[data-testid=kanban] .kanban-card')];
                            return cards.length > 0 && cards.every(c => (c.dataset.company || '').toLowerCase().includes(needle)) && quiet();
                        }, timeout, 'search results');
                    } else if (kind === 'move') {
                        const [id, to, expect] = a;
                        click(`[data-testid=card-${id}] [data-testid=move-menu] button`);
                        const item = await wait(() => document.querySelector(`.mud-popover-open [data-testid=move-to-${to}]`), timeout, 'the move menu');
                        item.click();
                        await wait(() => text('[data-testid=pipeline-announcement]').includes(expect), timeout, `"${expect}"`);
                    } else if (kind === 'prospect') {
                        const [selector, name] = a;
                        click(selector);
                        await wait(() => location.pathname.startsWith('/acquisition/prospects/') && text('[data-testid=prospect-name]') === name && quiet(),
                            timeout, `the prospect page of ${name}`);
                        shown = text('[data-testid=prospect-stage]');
                    } else {
                        throw new Error(`unknown interaction ${kind}`);
                    }
                    return [performance.now() - t0, shown];
                },
                cards: () => [...document.querySelectorAll('[data-testid=kanban] .kanban-card')].map(c =>
                    [c.dataset.cardId, c.dataset.company ?? '', c.closest('[data-stage]')?.dataset.stage ?? '']),
                problem() {
                    const ui = document.getElementById('blazor-error-ui');
                    if (ui && getComputedStyle(ui).display !== 'none') return 'the Blazor error UI is shown';
                    const rc = document.getElementById('components-reconnect-modal');
                    if (rc && rc.open) return 'the reconnect dialog is shown';
                    const pe = document.querySelector('[data-testid=page-error]');
                    if (pe) return 'page error notice: ' + pe.innerText.replace(/\s+/g, ' ').slice(0, 200);
                    const ce = document.querySelector('[data-testid=chart-error]');
                    if (ce) return 'chart not drawn: ' + ce.innerText.replace(/\s+/g, ' ').slice(0, 200);
                    const mr = document.querySelector('[data-testid=move-refused]');
                    if (mr) return 'move refused: ' + mr.innerText.replace(/\s+/g, ' ').slice(0, 200);
                    return null;
                },
            };
        })();
        """;

    private readonly string _baseUrl;
    private readonly int _index;
    private readonly Stopwatch _clock;
    private readonly int _prospects;
    private readonly Shots _shots;
    private readonly ConcurrentQueue<string> _consoleErrors = new();
    private double _appCpuMs = double.NaN;
    private TimeSpan _windowStart;
    private int _thinkMs;
    private int _round;

    private VirtualUser(IPage page, string baseUrl, int index, Stopwatch clock, int prospects, Shots shots)
    {
        Page = page;
        _baseUrl = baseUrl;
        _index = index;
        _clock = clock;
        _prospects = prospects;
        _shots = shots;
        page.Console += (_, m) => { if (m.Type == "error") _consoleErrors.Enqueue("console: " + m.Text); };
        page.PageError += (_, e) => _consoleErrors.Enqueue("page error: " + e);
    }

    public IPage Page { get; }

    /// <summary>The app's process: its CPU time across each interaction is kept with the sample (telling with one user only).</summary>
    public static int AppPid { get; set; }

    public static async Task<VirtualUser> SignInAsync(IBrowser browser, string baseUrl, string email, string password, int index, Stopwatch clock, int prospects, Shots shots)
    {
        var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1366, Height = 850 }, Locale = "en-US" });
        context.SetDefaultTimeout(TimeoutMs);
        try
        {
            if (Environment.GetEnvironmentVariable("BENCH_CLIENT_ANIMATIONS") != "1")
            {
                await context.AddInitScriptAsync(Calm);
            }

            await context.AddInitScriptAsync(Script);
            var page = await context.NewPageAsync();
            await SignIn.AsAsync(page, baseUrl, email, password);
            return new VirtualUser(page, baseUrl, index, clock, prospects, shots);
        }
        catch
        {
            await context.CloseAsync();
            throw;
        }
    }

    /// <summary>Untimed, after sign-in: the pipeline, then the grid, where every round ends (so the round's first click really navigates).</summary>
    public async Task OpenPipelineUntimedAsync()
    {
        await InPageAsync("pipeline");
        await InPageAsync("grid");
    }

    /// <summary>Loops the script until the deadline; a failed interaction is recorded and the user starts over from a fresh load of the grid.</summary>
    public async Task RunAsync(TimeSpan windowStart, TimeSpan deadline, ConcurrentBag<Sample> sink, int thinkMs, int users)
    {
        _windowStart = windowStart;
        _thinkMs = thinkMs;
        // Spread the users' starts over the think time (at least a second), so a run with think time does not open with all
        // users' first pipeline at once, a burst whose queue took the whole minute to drain.
        await Task.Delay(_index * Math.Max(1000, thinkMs) / Math.Max(1, users));
        while (_clock.Elapsed < deadline)
        {
            try
            {
                await RoundAsync(deadline, sink);
            }
            catch (OperationCanceledException)
            {
                break; // the window closed between two interactions
            }
            catch (Exception e) when (e is PlaywrightException or TimeoutException or BenchFailure or InvalidOperationException)
            {
                // Recorded by StepAsync already; start again from a fresh load of the grid (a new circuit), where rounds end.
                await RecoverAsync(deadline);
            }
        }
    }

    /// <summary>One round of the sales script: pipeline, search, move a card, open it, grid.</summary>
    public async Task RoundAsync(TimeSpan deadline, ConcurrentBag<Sample> sink)
    {
        var round = _round++;
        var text = Families[_index % Families.Length];
        if (_prospects >= 20_000)
        {
            text += $" {1 + (round % 9)}"; // ~110 of 100k prospects: "Gamma Bank 3…"
        }

        await StepAsync("pipeline", deadline, sink);
        await StepAsync("search", deadline, sink, text);

        // The card: the first one of an open stage, going round the stages from one round to the next; forward one stage,
        // or back one from negotiation (both allowed by the stage rules; lost and converted are never chosen).
        var cards = (await Page.EvaluateAsync<string[][]>("() => window.__bench.cards()")).Select(c => new CardInfo(c[0], c[1], c[2])).ToArray();
        var card = Enumerable.Range(0, Open.Length).Select(k => Open[(round + k) % Open.Length])
            .Select(stage => cards.FirstOrDefault(c => c.Stage == stage)).FirstOrDefault(c => c is not null);
        if (card is null)
        {
            Record(sink, "move", 0, 0, $"no card of an open stage among {cards.Length} found for \"{text}\"");
            throw new BenchFailure("no card to move");
        }

        var at = Array.IndexOf(Open, card.Stage);
        var to = at == Open.Length - 1 ? Open[at - 1] : Open[at + 1];
        var toName = char.ToUpperInvariant(to[0]) + to[1..];
        await StepAsync("move", deadline, sink, card.Id, to, $"{card.Company} moved to {toName}");

        // Open the moved card when it is still shown (top 20 of its new stage), else the first card.
        var moved = await Page.Locator($"[data-testid=card-{card.Id}] a").CountAsync() > 0;
        var link = moved ? $"[data-testid=card-{card.Id}] a" : "[data-testid=kanban] .kanban-card a";
        var company = moved ? card.Company : (await Page.Locator(link).First.TextContentAsync() ?? "").Trim();
        var shown = await StepAsync("prospect", deadline, sink, link, company.Trim());
        if (moved && shown is not null && shown != toName)
        {
            Record(sink, "prospect-stage", 0, 0, $"prospect {card.Id} shows stage \"{shown}\" after the move to {toName}");
        }

        await StepAsync("grid", deadline, sink);
    }

    /// <summary>One timed interaction; answers what the page showed (the prospect's stage), null when it failed.</summary>
    private async Task<string?> StepAsync(string kind, TimeSpan deadline, ConcurrentBag<Sample> sink, params string[] args)
    {
        if (_clock.Elapsed >= deadline)
        {
            throw new OperationCanceledException();
        }

        while (_consoleErrors.TryDequeue(out _))
        {
            // errors from before this interaction were recorded with the one they happened in
        }

        var start = _clock.Elapsed.TotalMilliseconds;
        var cpuStart = Proc.AppCpuTicks(AppPid);
        string? error = null;
        Exception? failure = null;
        (double PageMs, string Shown) result = (double.NaN, "");
        try
        {
            result = await InPageAsync(kind, args);
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException)
        {
            error = e.Message.Split('\n')[0];
            failure = e;
        }

        var ms = _clock.Elapsed.TotalMilliseconds - start;
        _appCpuMs = (Proc.AppCpuTicks(AppPid) - cpuStart) * 1000.0 / Proc.ClockTicks;
        if (error is null)
        {
            // Not timed: the error UI, the reconnect dialog, a page error notice, a chart not drawn or a refused move.
            error = await Page.EvaluateAsync<string?>("() => window.__bench.problem()");
        }

        if (error is null && _consoleErrors.TryPeek(out var console))
        {
            Record(sink, kind, ms, result.PageMs, console); // counted, but the page works: no start over
        }
        else
        {
            Record(sink, kind, ms, result.PageMs, error);
            if (error is not null)
            {
                await _shots.TakeAsync(Page, $"u{_index + 1}-{kind}-{_round}");
                throw failure ?? new BenchFailure(error);
            }
        }

        if (_thinkMs > 0)
        {
            await Task.Delay(_thinkMs);
        }

        return result.Shown;
    }

    private async Task<(double PageMs, string Shown)> InPageAsync(string kind, params string[] args)
    {
        var r = await Page.EvaluateAsync<System.Text.Json.JsonElement>("([kind, args, timeout]) => window.__bench.run(kind, args, timeout)",
            new object[] { kind, args, TimeoutMs });
        return (r[0].GetDouble(), r[1].GetString() ?? "");
    }

    private void Record(ConcurrentBag<Sample> sink, string kind, double ms, double pageMs, string? error) =>
        sink.Add(new Sample(_index + 1, kind, (_clock.Elapsed - _windowStart).TotalMilliseconds - ms, ms, pageMs, error, kind == "prospect-stage" ? double.NaN : _appCpuMs));

    private async Task RecoverAsync(TimeSpan deadline)
    {
        while (_clock.Elapsed < deadline)
        {
            try
            {
                await Page.GotoAsync(_baseUrl + "/acquisition/prospects");
                await Page.Locator("[data-testid=circuit-ready]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
                return;
            }
            catch (Exception e) when (e is PlaywrightException or TimeoutException)
            {
                Console.Error.WriteLine($"  user {_index + 1}: recovery failed: {e.Message.Split('\n')[0]}");
                await Task.Delay(1000);
            }
        }
    }

    private sealed record CardInfo(string Id, string Company, string Stage);
}
