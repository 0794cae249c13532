using Microsoft.Playwright;

/// <summary>One timed interaction: who, what, when (ms since the window began), how long as the harness saw it and on the page's own clock, and why it failed (null when it did not).</summary>
internal sealed record Sample(int User, string Kind, double AtMs, double Ms, double PageMs, string? Error, double AppCpuMs = double.NaN);

/// <summary>A failed check inside an interaction (error UI, wrong page content): recorded as the interaction's error.</summary>
internal sealed class BenchFailure(string message) : Exception(message);

/// <summary>Screenshots of the first few failures (more would only slow the run down).</summary>
internal sealed class Shots(string dir)
{
    private int _taken;

    public async Task TakeAsync(IPage page, string name)
    {
        if (Interlocked.Increment(ref _taken) > 5)
        {
            return;
        }

        try
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(dir, $"load-failed-{name}.png"), Timeout = 15_000 });
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException)
        {
            Console.Error.WriteLine($"  no screenshot of {name}: {e.Message.Split('\n')[0]}");
        }
    }
}
