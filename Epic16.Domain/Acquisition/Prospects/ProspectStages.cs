namespace Epic16.Domain.Acquisition.Prospects;

/// <summary>
/// The pipeline's stage rules. Reps may skip ahead (a deal can jump stages), step back one stage to correct a
/// mistake, or drop an open deal as lost with a reason; a lost deal can be reopened at the start of the funnel.
/// Converted is reached only by converting the prospect into CRM contacts, so it is never a plain move, and final.
/// </summary>
public static class ProspectStages
{
    /// <summary>The open stages in pipeline order.</summary>
    public static readonly IReadOnlyList<string> Open =
    [
        ProspectStatus.Identified, ProspectStatus.Researching, ProspectStatus.Engaged,
        ProspectStatus.Qualified, ProspectStatus.Proposal, ProspectStatus.Negotiation,
    ];

    /// <summary>Where a lost prospect may be reopened.</summary>
    public static readonly IReadOnlyList<string> ReopenTo = [ProspectStatus.Identified, ProspectStatus.Researching];

    public static bool IsOpen(string stage) => Open.Contains(stage, StringComparer.Ordinal);

    public static StageMoveResult Check(string from, string to, string? reason = null)
    {
        if (!ProspectStatus.All.Contains(from, StringComparer.Ordinal))
        {
            return StageMoveResult.Refused($"The prospect is in an unknown stage \"{from}\".");
        }

        if (!ProspectStatus.All.Contains(to, StringComparer.Ordinal))
        {
            return StageMoveResult.Refused($"\"{to}\" is not a pipeline stage; use one of {string.Join(", ", ProspectStatus.All)}.");
        }

        if (from == to)
        {
            return StageMoveResult.Refused($"The prospect is already {from}.");
        }

        if (from == ProspectStatus.Converted)
        {
            return StageMoveResult.Refused("A converted prospect is already a CRM customer; its stage can no longer change.");
        }

        if (to == ProspectStatus.Converted)
        {
            return StageMoveResult.Refused("A prospect becomes converted only by converting it into CRM contacts, not by moving its stage.");
        }

        if (to == ProspectStatus.Lost)
        {
            return string.IsNullOrWhiteSpace(reason)
                ? StageMoveResult.Refused("Say why the prospect was lost: a reason is required.")
                : StageMoveResult.Ok;
        }

        if (from == ProspectStatus.Lost)
        {
            return ReopenTo.Contains(to, StringComparer.Ordinal)
                ? StageMoveResult.Ok
                : StageMoveResult.Refused($"A lost prospect can only be reopened as {string.Join(" or ", ReopenTo)}, not {to}.");
        }

        var step = IndexOf(to) - IndexOf(from);
        return step >= -1
            ? StageMoveResult.Ok
            : StageMoveResult.Refused($"A prospect can go back only one stage at a time: from {from} that is {Open[IndexOf(from) - 1]}, not {to}.");
    }

    /// <summary>The stages a prospect may be moved to from <paramref name="from"/> (lost assumes a reason is given).</summary>
    public static IReadOnlyList<string> TargetsFrom(string from) =>
        [.. ProspectStatus.All.Where(to => Check(from, to, "reason").Allowed)];

    private static int IndexOf(string stage) => Open.ToList().IndexOf(stage);
}
