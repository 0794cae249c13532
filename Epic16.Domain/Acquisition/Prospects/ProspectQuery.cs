namespace Epic16.Domain.Acquisition.Prospects;

/// <summary>The prospect grid's search: free text over company, industry and owner, exact filters, sort and a 1-based page.</summary>
public sealed record ProspectQuery
{
    public const int MaxPageSize = 200;

    public string? Search { get; init; }
    public string? Stage { get; init; }
    public string? Owner { get; init; }
    public string? Industry { get; init; }
    public decimal? MinScore { get; init; }
    public decimal? MaxScore { get; init; }
    public ProspectSortField SortBy { get; init; } = ProspectSortField.Company;
    public bool Descending { get; init; }
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 25;
}
