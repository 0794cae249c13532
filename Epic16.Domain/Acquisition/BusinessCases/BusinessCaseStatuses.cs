using Epic16.Domain.Acquisition.Prospects;

namespace Epic16.Domain.Acquisition.BusinessCases;

/// <summary>
/// A business case is drafted, presented to the customer, then accepted or rejected by them. Only a draft is edited
/// (what was presented is what the customer decides on); a presented case may go back to draft for rework; accepted
/// and rejected are the customer's answer and final (a new case is drafted instead).
/// </summary>
public static class BusinessCaseStatuses
{
    public static bool IsEditable(string status) => status == BusinessCaseStatus.Draft;

    public static StageMoveResult Check(string from, string to)
    {
        if (!BusinessCaseStatus.All.Contains(to, StringComparer.Ordinal))
        {
            return StageMoveResult.Refused($"\"{to}\" is not a business-case status; use one of {string.Join(", ", BusinessCaseStatus.All)}.");
        }

        if (from == to)
        {
            return StageMoveResult.Refused($"The business case is already {from}.");
        }

        return (from, to) switch
        {
            (BusinessCaseStatus.Draft, BusinessCaseStatus.Presented) => StageMoveResult.Ok,
            (BusinessCaseStatus.Presented, BusinessCaseStatus.Accepted or BusinessCaseStatus.Rejected or BusinessCaseStatus.Draft) => StageMoveResult.Ok,
            (BusinessCaseStatus.Draft, _) => StageMoveResult.Refused($"A draft must be presented to the customer before it can be {to}."),
            (BusinessCaseStatus.Accepted or BusinessCaseStatus.Rejected, _) =>
                StageMoveResult.Refused($"The customer has {from} this business case; that answer is final. Draft a new case instead."),
            _ => StageMoveResult.Refused($"A business case cannot go from {from} to {to}."),
        };
    }

    public static IReadOnlyList<string> TargetsFrom(string from) =>
        [.. BusinessCaseStatus.All.Where(to => Check(from, to).Allowed)];
}
