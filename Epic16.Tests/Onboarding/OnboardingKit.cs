using Epic16.Domain.Acquisition.Prospects;
using Epic16.Domain.Auditing;
using Epic16.Domain.Onboarding.Clients;
using Epic16.Domain.Onboarding.Communications;
using Epic16.Domain.Onboarding.Escalations;
using Epic16.Domain.Onboarding.Health;
using Epic16.Domain.Onboarding.Plans;
using Epic16.Domain.Onboarding.Templates;
using Epic16.Domain.Persistence;
using Epic16.Domain.Security;
using Epic16.Tests.Persistence;
using Epic16.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Epic16.Tests.Onboarding;

/// <summary>The onboarding services on one store scope, all on one hand-moved clock.</summary>
public sealed class OnboardingKit
{
    public static readonly DateTimeOffset Start = new(2026, 3, 10, 10, 0, 0, TimeSpan.Zero);

    public static readonly ICurrentUser Csm = new TestUser("csm@epic16.test", AppRoles.CustomerSuccess);
    public static readonly ICurrentUser OtherCsm = new TestUser("other@epic16.test", AppRoles.CustomerSuccess);
    public static readonly ICurrentUser Rep = new TestUser("rep@epic16.test", AppRoles.Sales);
    public static readonly ICurrentUser Executive = new TestUser("ceo@epic16.test", AppRoles.Executive);

    public OnboardingKit(StoreScope scope, HealthWeights? weights = null)
    {
        Scope = scope;
        var platform = scope.Services.GetRequiredService<IDbContextFactory<PlatformContext>>();
        Platform = platform;
        Weights = weights ?? HealthWeights.Default;
        Clients = new OnboardingClients(scope.Router, platform, Clock);
        Templates = new SuccessTemplates(scope.Router, Clock);
        Plans = new MilestonePlans(scope.Router, Clock);
        Inputs = new HealthInputs(scope.Router, Clock);
        Snapshots = new HealthSnapshots(scope.Router, platform, Weights, Clock);
        Board = new HealthBoard(scope.Router, platform, Clock);
        Health = new ClientHealth(Snapshots, platform, Clock);
        Escalations = new EscalationQueue(scope.Router, platform, new AuditLog(platform, Clock), Clock);
        Communications = new CommunicationLog(scope.Router, Clock);
        Variance = new LegacyScoreVariance(scope.Router, Weights);
    }

    public StoreScope Scope { get; }
    public ManualClock Clock { get; } = new(Start);
    public IDbContextFactory<PlatformContext> Platform { get; }
    public HealthWeights Weights { get; }
    public OnboardingClients Clients { get; }
    public SuccessTemplates Templates { get; }
    public MilestonePlans Plans { get; }
    public HealthInputs Inputs { get; }
    public HealthSnapshots Snapshots { get; }
    public HealthBoard Board { get; }
    public ClientHealth Health { get; }
    public EscalationQueue Escalations { get; }
    public CommunicationLog Communications { get; }
    public LegacyScoreVariance Variance { get; }

    public DateOnly Today => DateOnly.FromDateTime(Clock.Now.UtcDateTime);

    /// <summary>A converted prospect (written through the context, as the conversion leaves it).</summary>
    public async Task<long> ConvertedProspectAsync(string company = "Acme Corp", decimal? arr = 1_234_567.891m)
    {
        await using var db = await Scope.Router.CreateContextAsync();
        var prospect = new Prospect
        {
            CompanyName = company, Status = ProspectStatus.Converted, EstimatedArrUsd = arr,
            CreatedAt = Start.UtcDateTime.AddDays(-90), UpdatedAt = Start.UtcDateTime.AddDays(-1),
        };
        db.Prospects.Add(prospect);
        await db.SaveChangesAsync();
        return prospect.Id;
    }

    /// <summary>kickoff(0) ← build(5) and design(10) ← golive(20), the diamond the plan tests use.</summary>
    public static TemplateInput Diamond(string name = "Diamond plan") => new()
    {
        Name = name, Segment = "Test", Description = "a ← b, c ← d",
        Milestones =
        [
            new() { Key = "kickoff", Name = "Kickoff", OffsetDays = 0 },
            new() { Key = "build", Name = "Build", OffsetDays = 5, DependsOn = ["kickoff"] },
            new() { Key = "design", Name = "Design", OffsetDays = 10, DependsOn = ["kickoff"] },
            new() { Key = "golive", Name = "Go-live", OffsetDays = 20, DependsOn = ["build", "design"] },
        ],
    };

    /// <summary>A client started from a converted prospect by Sales, with the diamond plan applied by the CSM.</summary>
    public async Task<(ClientView Client, PlanView Plan)> ClientWithPlanAsync(string company = "Acme Corp")
    {
        var client = await Clients.StartFromProspectAsync(Rep, await ConvertedProspectAsync(company));
        var template = await Templates.SaveAsync(Csm, null, Diamond($"Plan for {company}"));
        await Templates.ApplyAsync(Csm, template.Id, client.Id);
        return (await Clients.GetAsync(Csm, client.Id), await Plans.GetAsync(Csm, client.Id));
    }

    public void MoveTo(DateOnly day) => Clock.Now = new DateTimeOffset(day.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero);
}
