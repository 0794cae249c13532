namespace Epic16.Domain.Acquisition.BusinessCases;

/// <summary>
/// What a rep types into the business-case editor: the year-0 investment, the same benefit every year of the horizon,
/// and the yearly discount rate as a fraction (0.08 = 8 %). The figures are never typed: <see cref="RoiCalculator"/> computes them.
/// </summary>
public sealed record BusinessCaseInput
{
    public string Title { get; init; } = "";
    public decimal? InvestmentUsd { get; init; }
    public decimal? AnnualBenefitUsd { get; init; }
    public int? HorizonYears { get; init; } = 3;
    public decimal? DiscountRate { get; init; } = 0.08m;
}
