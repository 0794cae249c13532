using Epic16.Domain.Common;

namespace Epic16.Domain.Acquisition.BusinessCases;

/// <summary>The figures of a business case, rounded to cents (money), two decimals (percent, months).</summary>
public sealed record RoiResult(decimal PresentValueBenefits, decimal PresentValueCosts, decimal NpvUsd, decimal RoiPercent, decimal? PaybackMonths);

/// <summary>
/// Forrester's Total Economic Impact formulas. Cash flows are per year, index 0 = the initial investment (not
/// discounted): NPV = Σ (benefit_t − cost_t)/(1+r)^t, ROI = NPV / PV(costs), payback = the month the cumulative
/// net cash flow turns positive, interpolated within the year it is reached.
/// </summary>
public static class RoiCalculator
{
    public static RoiResult Compute(IReadOnlyList<decimal> benefits, IReadOnlyList<decimal> costs, decimal discountRate)
    {
        if (discountRate is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(discountRate), "The discount rate is a yearly fraction between 0 and 1.");
        }

        var years = Math.Max(benefits.Count, costs.Count);
        decimal pvBenefits = 0, pvCosts = 0, factor = 1, cumulative = 0;
        decimal? payback = null;
        for (var t = 0; t < years; t++)
        {
            var benefit = t < benefits.Count ? benefits[t] : 0;
            var cost = t < costs.Count ? costs[t] : 0;
            pvBenefits += benefit / factor;
            pvCosts += cost / factor;
            factor *= 1 + discountRate;

            var net = benefit - cost;
            if (payback is null && cumulative < 0 && cumulative + net >= 0)
            {
                // Reached during year t: the share of that year's net flow needed to cover what was still owed.
                payback = 12m * (t - 1) + 12m * (-cumulative / net);
            }

            cumulative += net;
        }

        if (payback is null && years > 0 && cumulative >= 0 && costs.Sum() == 0)
        {
            payback = 0;
        }

        var npv = pvBenefits - pvCosts;
        var roi = pvCosts == 0 ? 0 : npv / pvCosts * 100m;
        return new RoiResult(Money.Cents(pvBenefits), Money.Cents(pvCosts), Money.Cents(npv), Rounding.HalfAwayFromZero(roi, 2), payback is null ? null : Rounding.HalfAwayFromZero(Math.Max(0, payback.Value), 2));
    }

    /// <summary>A business case's own inputs: the investment in year 0, the same benefit each year of the horizon.</summary>
    public static RoiResult Compute(decimal investmentUsd, decimal annualBenefitUsd, int horizonYears, decimal discountRate)
    {
        if (horizonYears is < 1 or > 30)
        {
            throw new ArgumentOutOfRangeException(nameof(horizonYears), "The horizon is 1 to 30 years.");
        }

        var benefits = new decimal[horizonYears + 1];
        var costs = new decimal[horizonYears + 1];
        costs[0] = investmentUsd;
        for (var t = 1; t <= horizonYears; t++)
        {
            benefits[t] = annualBenefitUsd;
        }

        return Compute(benefits, costs, discountRate);
    }

    public static RoiResult For(BusinessCase c) =>
        Compute(c.InvestmentUsd, c.AnnualBenefitUsd, c.HorizonYears ?? 3, c.DiscountRate ?? 0.08m);
}
