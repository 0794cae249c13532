using System.Text.Json.Nodes;

namespace Epic16.Domain.Acquisition.BusinessCases;

/// <summary>The customer's investment case for a prospect (legacy `business_cases`).</summary>
public class BusinessCase
{
    public long Id { get; set; }
    public long ProspectId { get; set; }
    public string Title { get; set; } = "";
    public decimal InvestmentUsd { get; set; }
    public decimal AnnualBenefitUsd { get; set; }
    public int? HorizonYears { get; set; }
    public decimal? DiscountRate { get; set; }
    public decimal? RoiPercent { get; set; }
    public decimal? PaybackMonths { get; set; }
    public decimal? NpvUsd { get; set; }
    public JsonObject? Assumptions { get; set; }
    public string Status { get; set; } = BusinessCaseStatus.Draft;
    public DateTime CreatedAt { get; set; }
    public DateTime? UpdatedAt { get; set; }
}
