using Epic16.Domain.Acquisition.Prospects;
using Epic16.Domain.Acquisition;

namespace Epic16.Domain.Onboarding.Clients;

/// <summary>kickoff → implementation → adoption → live, one step at a time; any open client may become at_risk (and come back) or churned; churned is final.</summary>
public static class ClientStatuses
{
    public static readonly IReadOnlyList<string> Path = ["kickoff", "implementation", "adoption", "live"];

    public static IReadOnlyList<string> TargetsFrom(string from)
    {
        if (from == "churned")
        {
            return [];
        }

        if (from == "at_risk")
        {
            return [.. Path, "churned"];
        }

        var index = Path.ToList().IndexOf(from);
        var targets = new List<string>();
        if (index >= 0 && index + 1 < Path.Count)
        {
            targets.Add(Path[index + 1]);
        }

        targets.Add("at_risk");
        targets.Add("churned");
        return targets;
    }

    public static StageMoveResult Check(string from, string to)
    {
        if (!OnboardingVocabulary.ClientStatuses.Contains(to))
        {
            return StageMoveResult.Refused($"\"{to}\" is not a client status ({string.Join(", ", OnboardingVocabulary.ClientStatuses)}).");
        }

        if (from == to)
        {
            return StageMoveResult.Refused($"The client is already {to}.");
        }

        return TargetsFrom(from).Contains(to)
            ? StageMoveResult.Ok with { From = from, To = to }
            : StageMoveResult.Refused(from == "churned"
                ? "A churned client is final; start a new onboarding instead."
                : $"A client moves from {from} to {string.Join(" or ", TargetsFrom(from))}, not to {to}.");
    }
}
