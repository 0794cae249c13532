namespace Epic16.Domain.Abm.Campaigns;

/// <summary>The campaigns list's filter and page.</summary>
public sealed record CampaignQuery
{
    public const int MaxPageSize = 200;

    public string? Search { get; init; }

    public string? Status { get; init; }

    public string? Tier { get; init; }

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 25;
}
