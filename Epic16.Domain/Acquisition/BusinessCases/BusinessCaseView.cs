namespace Epic16.Domain.Acquisition.BusinessCases;

/// <summary>A business case as the editor shows it, with the figures recomputed from its inputs and the statuses it may move to.</summary>
public sealed record BusinessCaseView(
    long Id,
    long ProspectId,
    string Title,
    decimal InvestmentUsd,
    decimal AnnualBenefitUsd,
    int HorizonYears,
    decimal DiscountRate,
    RoiResult Figures,
    string Status,
    IReadOnlyList<string> NextStatuses,
    DateTime CreatedAt,
    DateTime? UpdatedAt)
{
    public bool IsEditable => BusinessCaseStatuses.IsEditable(Status);
}
