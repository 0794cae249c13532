using Epic16.Domain.Acquisition;
using Epic16.Domain.Acquisition.BusinessCases;

namespace Epic16.Tests.Acquisition.BusinessCases;

public sealed class RoiCalculatorTests
{
    [Fact]
    public void Compute_ForresterPublishedStudy_GivesTheirNpvAndRoi()
    {
        // Forrester's TEI summary: PV benefits $7,168,371, PV costs $1,672,201 → NPV $5,496,170, ROI 329 %.
        var result = RoiCalculator.Compute([7_168_371m], [1_672_201m], 0.10m);

        Assert.Equal(5_496_170m, result.NpvUsd);
        Assert.Equal(329m, Math.Round(result.RoiPercent));
        Assert.Equal(328.68m, result.RoiPercent);
    }

    [Fact]
    public void Compute_ThreeYearCaseByHand_DiscountsEachYearAndInterpolatesPayback()
    {
        // 50,000/1.1 + 50,000/1.21 + 50,000/1.331 = 124,342.60; NPV = 24,342.60; ROI = 24.34 %; paid back after 2 full years.
        var result = RoiCalculator.Compute(investmentUsd: 100_000m, annualBenefitUsd: 50_000m, horizonYears: 3, discountRate: 0.10m);

        Assert.Equal(124_342.60m, result.PresentValueBenefits);
        Assert.Equal(100_000m, result.PresentValueCosts);
        Assert.Equal(24_342.60m, result.NpvUsd);
        Assert.Equal(24.34m, result.RoiPercent);
        Assert.Equal(24m, result.PaybackMonths);
    }

    [Fact]
    public void Compute_PaybackWithinTheFirstYear_IsInterpolatedInMonths()
    {
        var result = RoiCalculator.Compute(investmentUsd: 30_000m, annualBenefitUsd: 120_000m, horizonYears: 3, discountRate: 0.08m);

        Assert.Equal(3m, result.PaybackMonths);
    }

    [Fact]
    public void Compute_NeverPaysBack_HasNoPaybackAndNegativeNpv()
    {
        var result = RoiCalculator.Compute(investmentUsd: 1_000_000m, annualBenefitUsd: 100_000m, horizonYears: 3, discountRate: 0.08m);

        Assert.Null(result.PaybackMonths);
        Assert.True(result.NpvUsd < 0);
    }

    [Theory]
    [InlineData(-0.01)]
    [InlineData(1.5)]
    public void Compute_RateOutsideZeroToOne_IsRefused(double rate) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => RoiCalculator.Compute(1_000m, 500m, 3, (decimal)rate));
}
