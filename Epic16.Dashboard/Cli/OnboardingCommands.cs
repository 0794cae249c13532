using System.CommandLine;
using System.Globalization;
using Epic16.Domain.Onboarding.Health;
using Epic16.Domain.Security;

namespace Epic16.Dashboard.Cli;

/// <summary>`onboarding snapshot` records today's health of every client (as the daily job does); `onboarding variance` compares with the legacy scores.</summary>
public static class OnboardingCommands
{
    public static Command Create(GlobalOptions options)
    {
        var command = new Command("onboarding", "Onboarding health: record the daily snapshot, compare with the legacy scores.");
        command.Subcommands.Add(Snapshot(options));
        command.Subcommands.Add(Variance(options));
        return command;
    }

    private static Command Snapshot(GlobalOptions options)
    {
        var backfill = new Option<int>("--backfill") { Description = "Also record the days before today that have no snapshot yet (history, no escalations)", DefaultValueFactory = _ => 0 };
        var command = new Command("snapshot", "Record today's health snapshot of every client and raise the escalations its rules call for.") { backfill };
        command.SetAction((parse, ct) => CliHost.RunAsync(parse, options, async sp =>
        {
            var snapshots = sp.GetRequiredService<HealthSnapshots>();
            var output = parse.InvocationConfiguration.Output;
            var days = parse.GetValue(backfill);
            if (days > 0)
            {
                output.WriteLine($"Backfilled {await snapshots.BackfillAsync(days, ct):N0} snapshots over {days} days.");
            }

            var run = await snapshots.RecordTodayAsync(ct);
            output.WriteLine($"Health snapshot {run.Day:yyyy-MM-dd}: {run.Clients:N0} clients, {run.EscalationsRaised} escalations raised, {run.Elapsed.TotalMilliseconds:N0} ms.");
            return CliExitCodes.Ok;
        }));
        return command;
    }

    private static Command Variance(GlobalOptions options)
    {
        var command = new Command("variance", "Recompute each client's latest legacy health score from the same inputs and report the variance (above 5 % is a rollback trigger).");
        command.SetAction((parse, ct) => CliHost.RunAsync(parse, options, async sp =>
        {
            var rows = await sp.GetRequiredService<LegacyScoreVariance>().PerClientAsync(SystemUser.Cli, ct: ct);
            var output = parse.InvocationConfiguration.Output;
            foreach (var row in rows)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  client {row.ClientId,6} {row.Day:yyyy-MM-dd} legacy {row.LegacyScore,6:0.00} {row.LegacyRisk,-8} recomputed {row.Recomputed,6:0.00} {row.RecomputedBand,-8} variance {row.VariancePercent,6:0.00} %"));
            }

            var total = LegacyScoreVariance.TotalPercent(rows);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{rows.Count} clients; total variance {total:0.00} %; risk level agrees for {rows.Count(r => r.BandAgrees)} of {rows.Count}."));
            return total > LegacyScoreVariance.TriggerPercent ? CliExitCodes.ParityMismatch : CliExitCodes.Ok;
        }));
        return command;
    }
}
