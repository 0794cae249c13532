namespace Epic16.Domain.Acquisition;

public enum ProspectSortField
{
    Company,
    Rank,
    Score,
    Arr,
    Updated,
}
