namespace Epic16.Domain.Abm.Touchpoints;

/// <summary>The touchpoints list's filter and page (filters on the legacy enumerations apply after reading, see the service).</summary>
public sealed record TouchpointQuery
{
    public const int MaxPageSize = 500;

    public long? CampaignId { get; init; }

    public long? ProspectId { get; init; }

    public string? Status { get; init; }

    public string? Channel { get; init; }

    public DateTime? From { get; init; }

    public DateTime? To { get; init; }

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 50;
}
