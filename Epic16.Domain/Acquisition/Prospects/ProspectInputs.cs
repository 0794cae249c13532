using Epic16.Domain.Acquisition.Scoring;

namespace Epic16.Domain.Acquisition.Prospects;

/// <summary>The form values of a saved prospect, so a page can change one part (the committee) and save the rest unchanged.</summary>
public static class ProspectInputs
{
    public static ProspectInput From(Prospect p) => new()
    {
        CompanyName = p.CompanyName, FortuneRank = p.FortuneRank, Industry = p.Industry, Headquarters = p.Headquarters,
        AnnualRevenueUsd = p.AnnualRevenueUsd, EmployeeCount = p.EmployeeCount, Website = p.Website, LeadScore = p.LeadScore,
        EstimatedArrUsd = p.EstimatedArrUsd, DecisionMakers = p.DecisionMakers, TechStack = p.TechStack, PainPoints = p.PainPoints,
        Owner = p.Owner, Notes = p.Notes,
    };
}
