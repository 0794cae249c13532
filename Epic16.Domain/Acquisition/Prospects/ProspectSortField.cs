namespace Epic16.Domain.Acquisition.Prospects;

public enum ProspectSortField
{
    Company,
    Rank,
    Score,
    Arr,
    Updated,
}
