using Epic16.Domain.Acquisition;
using Epic16.Tests.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Epic16.Domain.Acquisition.BusinessCases;
using Epic16.Domain.Acquisition.Prospects;
using Epic16.Tests.TestSupport;

namespace Epic16.Tests.Acquisition.Conversion;

/// <summary>A prospect ready (or not) for conversion: a four-member committee, two without an e-mail, an ARR and one business case.</summary>
public static class ConversionData
{
    public static async Task<long> ProspectAsync(StoreScope scope, string stage, string caseStatus, string company = "Acme Corp")
    {
        var services = scope.Services.CreateScope().ServiceProvider;
        var acquisition = services.GetRequiredService<ProspectService>();
        var domain = company == "Acme Corp" ? "acme.test" : company.Split(' ')[0].ToLowerInvariant() + ".test";
        var id = (await acquisition.CreateProspectAsync(TestUser.Rep, new ProspectInput
        {
            CompanyName = company,
            FortuneRank = 42,
            EstimatedArrUsd = 250_000.50m,
            Owner = "dana@x.test",
            DecisionMakers =
            [
                new DecisionMaker { Name = "Ana Ruiz", Title = "CFO", Email = $" Ana.Ruiz@{domain.ToUpperInvariant()} ", Role = DecisionMakerRole.EconomicBuyer, Influence = 5 },
                new DecisionMaker { Name = "Cy Park", Title = "Ops lead", Role = DecisionMakerRole.Champion, Influence = 3 },
                new DecisionMaker { Name = "Bo Li", Title = "CTO", Email = $"bo@{domain}", Role = DecisionMakerRole.TechnicalBuyer, Influence = 4 },
                new DecisionMaker { Name = "Di <b>Ng</b>", Email = " ", Role = DecisionMakerRole.User, Influence = 1 },
            ],
        })).Id;

        var path = stage == ProspectStatus.Lost ? [ProspectStatus.Lost] : ProspectStages.Open.Skip(1).TakeWhile(s => s != stage).Append(stage).ToList();
        foreach (var to in path.Where(s => s != ProspectStatus.Identified))
        {
            var moved = await acquisition.MoveStageAsync(TestUser.Rep, id, to, "Chose a competitor");
            Assert.True(moved.Allowed, moved.Why);
        }

        await using var db = await scope.Router.CreateContextAsync();
        db.BusinessCases.Add(new BusinessCase
        {
            ProspectId = id, Title = "Consolidation", InvestmentUsd = 500_000m, AnnualBenefitUsd = 400_000m, HorizonYears = 3, DiscountRate = 0.08m,
            Status = caseStatus, CreatedAt = DateTime.UtcNow,
        });
        await db.SaveChangesAsync();
        return id;
    }
}
