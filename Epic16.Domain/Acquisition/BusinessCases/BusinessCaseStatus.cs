namespace Epic16.Domain.Acquisition.BusinessCases;

public static class BusinessCaseStatus
{
    public const string Draft = "draft";
    public const string Presented = "presented";
    public const string Accepted = "accepted";
    public const string Rejected = "rejected";

    public static readonly IReadOnlyList<string> All = [Draft, Presented, Accepted, Rejected];
}
