using System.Diagnostics;
using System.Globalization;

/// <summary>What /proc says about the app, the PostgreSQL cluster and the machine.</summary>
internal static class Proc
{
    public static readonly long ClockTicks = long.TryParse(Environment.GetEnvironmentVariable("BENCH_CLK_TCK"), out var t) ? t : 100;

    public static long RssKb(int pid)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return long.Parse(line[6..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
            }
        }

        return 0;
    }

    public static long AppCpuTicks(int pid) => pid > 0 && Stat(pid) is { } s ? s[11] + s[12] : 0;

    public static string LoadAverage() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));

    public static (long AppTicks, long PgTicks, long BrowserTicks, long MachineBusy, long MachineTotal) CpuSnapshot(int appPid, int pgPid)
    {
        var app = Stat(appPid) is { } a ? a[11] + a[12] : 0; // utime, stime (fields 14 and 15)
        long pg = 0;
        if (Stat(pgPid) is { } pm)
        {
            pg = pm[11] + pm[12] + pm[13] + pm[14]; // the postmaster, and its children that have exited (cutime, cstime)
            foreach (var dir in Directory.EnumerateDirectories("/proc"))
            {
                if (int.TryParse(Path.GetFileName(dir), out var pid) && pid != pgPid && Stat(pid) is { } s && s[1] == pgPid)
                {
                    pg += s[11] + s[12];
                }
            }
        }

        // The harness itself, the Playwright driver and Chromium: every process descending from this one.
        var parents = new Dictionary<int, int>();
        var ticks = new Dictionary<int, long>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), out var pid) && Stat(pid) is { } s)
            {
                parents[pid] = (int)s[1];
                ticks[pid] = s[11] + s[12] + s[13] + s[14];
            }
        }

        long browser = 0;
        foreach (var pid in ticks.Keys)
        {
            for (var p = pid; p > 1 && parents.TryGetValue(p, out var up); p = up)
            {
                if (p == Environment.ProcessId)
                {
                    browser += ticks[pid];
                    break;
                }
            }
        }

        var cpu = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Take(8)
            .Select(v => long.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        var total = cpu.Sum();
        return (app, pg, browser, total - cpu[3] - cpu[4], total);
    }

    // The fields after "(comm)" of /proc/PID/stat, from field 3 (state, as 0) on: [1] = ppid, [11] = utime, [12] = stime, [13] cutime, [14] cstime.
    private static long[]? Stat(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            var rest = text[(text.LastIndexOf(')') + 2)..].Split(' ');
            return [.. rest.Take(15).Select((v, i) => i == 0 ? 0 : long.Parse(v, CultureInfo.InvariantCulture))];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return null;
        }
    }
}
