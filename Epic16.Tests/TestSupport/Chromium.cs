using Microsoft.Playwright;

namespace Epic16.Tests.TestSupport;

/// <summary>Debian's Chromium, never a downloaded browser.</summary>
public static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public static BrowserTypeLaunchOptions LaunchOptions => new()
    {
        ExecutablePath = File.Exists(ExecutablePath)
            ? ExecutablePath
            : throw new InvalidOperationException($"{ExecutablePath} is missing: install Debian's chromium (`apt-get install chromium`, scripts/test.sh does it)."),
        Headless = true,
        // Without the networking flags Chromium keeps calling Google hosts it cannot reach.
        Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    };
}
