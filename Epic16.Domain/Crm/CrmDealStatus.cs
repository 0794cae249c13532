namespace Epic16.Domain.Crm;

public static class CrmDealStatus
{
    public const string Open = "open";
    public const string Won = "won";
    public const string Lost = "lost";

    public static readonly IReadOnlyList<string> All = [Open, Won, Lost];
}
