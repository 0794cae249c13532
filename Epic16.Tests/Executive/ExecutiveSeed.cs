using Epic16.Domain.Acquisition.BusinessCases;
using Epic16.Domain.Acquisition.Prospects;
using Epic16.Domain.Acquisition.RoiTracking;
using Epic16.Domain.Executive;
using Epic16.Domain.Persistence;
using Epic16.Domain.Security;

namespace Epic16.Tests.Executive;

/// <summary>Five prospects (negotiation, qualified, converted after 60 days, lost, identified), a business case and two ROI months.</summary>
internal static class ExecutiveSeed
{
    public static async Task ProspectsAsync(IStoreRouter router)
    {
        static DateTime At(int month, int day) => new(2026, month, day, 9, 0, 0, DateTimeKind.Utc);
        await using var db = await router.CreateContextAsync();
        var a = new Prospect { CompanyName = "A", Status = ProspectStatus.Negotiation, EstimatedArrUsd = 100_000m, Owner = "a@x.test", Industry = "Retail", CreatedAt = At(1, 10) };
        var b = new Prospect { CompanyName = "B", Status = ProspectStatus.Qualified, EstimatedArrUsd = 50_000.50m, Owner = "b@x.test", Industry = "Banking", CreatedAt = At(2, 5) };
        var c = new Prospect { CompanyName = "C", Status = ProspectStatus.Converted, EstimatedArrUsd = 200_000m, Owner = "a@x.test", Industry = "Retail", CreatedAt = At(1, 1), UpdatedAt = At(3, 2) };
        var d = new Prospect { CompanyName = "D", Status = ProspectStatus.Lost, EstimatedArrUsd = 30_000m, Owner = "a@x.test", Industry = "Retail", CreatedAt = At(2, 20) };
        var e = new Prospect { CompanyName = "E", Status = ProspectStatus.Identified, EstimatedArrUsd = 20_000m, Owner = "b@x.test", Industry = "Retail", CreatedAt = At(3, 15) };
        db.Prospects.AddRange(a, b, c, d, e);
        await db.SaveChangesAsync();
        db.BusinessCases.Add(new BusinessCase
        {
            ProspectId = a.Id, Title = "Case <b>A</b>", InvestmentUsd = 40_000m, AnnualBenefitUsd = 100_000m, NpvUsd = 123_456.78m, RoiPercent = 150m,
            Status = BusinessCaseStatus.Draft, CreatedAt = At(1, 12),
        });
        db.RoiEntries.Add(new RoiEntry { ProspectId = a.Id, Period = "2026-01", InvestedUsd = 1_000m, RealizedValueUsd = 0m, RecordedAt = At(2, 1) });
        db.RoiEntries.Add(new RoiEntry { ProspectId = b.Id, Period = "2026-02", InvestedUsd = 500m, RealizedValueUsd = 2_000m, RecordedAt = At(3, 1) });
        await db.SaveChangesAsync();
    }

    /// <summary>Every card and every series of a view as one text, for comparing stores and modes.</summary>
    public static async Task<string> TextAsync(ExecutiveFiguresService figures, ICurrentUser user, ExecutiveFilter? filter = null)
    {
        var view = await figures.LoadAsync(user, filter ?? new ExecutiveFilter());
        return string.Join("\n", view.Cards.Select(c => $"{c.Key}={c.Value}|{c.Against}"))
            + "\n" + string.Join("\n", view.Charts.Select(c => $"{c.Key}:{string.Join(",", c.Categories)}:" + string.Join(";", c.Series.Select(s => string.Join(",", s.Values)))));
    }
}
