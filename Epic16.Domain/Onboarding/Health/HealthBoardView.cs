namespace Epic16.Domain.Onboarding.Health;

/// <summary>The board: the cards shown (worst first), the count per band over every matching client, the CSMs to filter by, and the quarantined clients.</summary>
public sealed record HealthBoardView(
    IReadOnlyList<HealthCard> Cards, int Matching, IReadOnlyDictionary<string, int> CountsPerBand, IReadOnlyList<string> CsmOwners,
    IReadOnlyList<QuarantinedClient> Quarantined);
