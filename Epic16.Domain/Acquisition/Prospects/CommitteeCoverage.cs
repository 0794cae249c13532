namespace Epic16.Domain.Acquisition.Prospects;

/// <summary>Which of the three roles a deal needs are known in the buying committee, and which are still missing.</summary>
public sealed record CommitteeCoverage(bool HasEconomicBuyer, bool HasChampion, bool HasTechnicalBuyer, IReadOnlyList<string> Missing)
{
    public static readonly IReadOnlyList<string> Required =
        [DecisionMakerRole.EconomicBuyer, DecisionMakerRole.Champion, DecisionMakerRole.TechnicalBuyer];

    public bool IsComplete => Missing.Count == 0;

    public static CommitteeCoverage Of(IEnumerable<DecisionMaker>? decisionMakers)
    {
        var roles = (decisionMakers ?? []).Select(d => d.Role).OfType<string>().ToHashSet(StringComparer.Ordinal);
        return new CommitteeCoverage(
            roles.Contains(DecisionMakerRole.EconomicBuyer),
            roles.Contains(DecisionMakerRole.Champion),
            roles.Contains(DecisionMakerRole.TechnicalBuyer),
            [.. Required.Where(r => !roles.Contains(r))]);
    }
}
