namespace Epic16.Domain.Abm.Campaigns;

/// <summary>The campaign form. Tier and channels use the legacy words (<see cref="AbmVocabulary"/>).</summary>
public sealed record CampaignInput
{
    public string Name { get; init; } = "";

    public string Tier { get; init; } = AbmVocabulary.TierOneToFew;

    public IReadOnlyList<long> TargetAccounts { get; init; } = [];

    public IReadOnlyList<string> Channels { get; init; } = [];

    public decimal? BudgetUsd { get; init; }

    public DateOnly? StartDate { get; init; }

    public DateOnly? EndDate { get; init; }

    public string? Owner { get; init; }
}
