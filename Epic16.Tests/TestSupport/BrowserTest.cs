using Microsoft.Playwright;

namespace Epic16.Tests.TestSupport;

/// <summary>
/// Base of a browser test: pages in browser contexts of their own, closed after the test; when the test fails,
/// every open page is saved to TestResults/screenshots/failed-&lt;Class&gt;.&lt;Method&gt;-&lt;n&gt;.png first.
/// </summary>
public abstract class BrowserTest(DashboardApp app) : IAsyncLifetime
{
    private readonly List<IPage> _pages = [];

    protected DashboardApp App { get; } = app;

    protected async Task<IPage> NewPageAsync()
    {
        var page = await App.NewPageAsync();
        _pages.Add(page);
        return page;
    }

    /// <summary>The console errors and uncaught page exceptions <paramref name="page"/> reports from now on (a test asserts none).</summary>
    protected static List<string> WatchConsole(IPage page)
    {
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                lock (errors)
                {
                    errors.Add(message.Text);
                }
            }
        };
        page.PageError += (_, error) =>
        {
            lock (errors)
            {
                errors.Add(error);
            }
        };
        return errors;
    }

    public virtual ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public virtual async ValueTask DisposeAsync()
    {
        var context = TestContext.Current;
        if (context.TestState?.Result == TestResult.Failed)
        {
            var name = $"failed-{context.TestClass?.TestClassSimpleName}.{context.TestMethod?.MethodName}";
            for (var i = 0; i < _pages.Count; i++)
            {
                try
                {
                    await DashboardApp.ScreenshotAsync(_pages[i], $"{name}-{i + 1}");
                }
                catch (PlaywrightException)
                {
                    // The page may be gone already; the test's own failure is what matters.
                }
            }
        }

        foreach (var page in _pages)
        {
            await page.Context.CloseAsync();
        }

        GC.SuppressFinalize(this);
    }
}
