using Epic16.Domain.Acquisition.Prospects;
using Epic16.Domain.Acquisition;

namespace Epic16.Domain.Abm.Campaigns;

/// <summary>
/// A campaign runs <c>planned → active ⇄ paused → completed</c>; a planned campaign that never ran can be closed as
/// completed, and completed is final.
/// </summary>
public static class CampaignStatuses
{
    public const string Planned = "planned";
    public const string Active = "active";
    public const string Paused = "paused";
    public const string Completed = "completed";

    private static readonly Dictionary<string, string[]> Moves = new()
    {
        [Planned] = [Active, Completed],
        [Active] = [Paused, Completed],
        [Paused] = [Active, Completed],
        [Completed] = [],
    };

    public static IReadOnlyList<string> TargetsFrom(string from) => Moves.TryGetValue(from, out var to) ? to : [];

    public static StageMoveResult Check(string from, string to)
    {
        if (!AbmVocabulary.CampaignStatuses.Contains(to))
        {
            return StageMoveResult.Refused($"\"{to}\" is not a campaign status; use one of {string.Join(", ", AbmVocabulary.CampaignStatuses)}.");
        }

        if (from == to)
        {
            return StageMoveResult.Refused($"The campaign is already {from}.");
        }

        var allowed = TargetsFrom(from);
        if (allowed.Contains(to))
        {
            return StageMoveResult.Ok with { From = from, To = to };
        }

        return StageMoveResult.Refused(allowed.Count == 0
            ? $"A {from} campaign is final; its status can no longer change."
            : $"A {from} campaign can only move to {string.Join(" or ", allowed)}, not {to}.");
    }
}
