using Epic16.Domain.Onboarding;
using Epic16.Domain.Onboarding.Clients;
using Epic16.Domain.Onboarding.Templates;
using Epic16.Domain.Security;
using Epic16.Tests.Persistence;
using Epic16.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Epic16.Tests.Onboarding;

/// <summary>Clients, templates and milestone plans through the services, on the legacy SQLite files and on PostgreSQL.</summary>
public sealed class PlanServiceTests(PostgresServer postgres)
{
    [Theory, ClassData(typeof(BothStores))]
    public async Task StartFromProspect_ConvertedProspect_PrefillsTheClientOnce(string mode)
    {
        await using var scope = await StoreScope.CreateAsync(postgres, mode);
        var kit = new OnboardingKit(scope);
        var prospectId = await kit.ConvertedProspectAsync("Globex <b>Corp</b>");

        var client = await kit.Clients.StartFromProspectAsync(OnboardingKit.Rep, prospectId);
        var again = await kit.Clients.StartFromProspectAsync(OnboardingKit.Rep, prospectId);
        var status = await kit.Clients.ForProspectAsync(OnboardingKit.Rep, prospectId);

        Assert.Equal(("Globex <b>Corp</b>", prospectId, 1_234_567.89m, kit.Today, "kickoff"), (client.CompanyName, client.ProspectId, client.ContractValueUsd, client.StartDate, client.Status));
        Assert.Null(client.CsmOwner);
        Assert.Equal(client.Id, again.Id);
        Assert.Equal((client.Id, "kickoff"), (status!.ClientId, status.Status));
        Assert.Single(await kit.Clients.ListAsync(OnboardingKit.Csm));
    }

    [Theory, ClassData(typeof(BothStores))]
    public async Task StartFromProspect_NotConvertedOrWrongRole_IsRefused(string mode)
    {
        await using var scope = await StoreScope.CreateAsync(postgres, mode);
        var kit = new OnboardingKit(scope);
        var prospectId = await kit.ConvertedProspectAsync();
        await using (var db = await scope.Router.CreateContextAsync())
        {
            var prospect = await db.Prospects.SingleAsync(p => p.Id == prospectId);
            prospect.Status = "qualified";
            await db.SaveChangesAsync();
        }

        var notConverted = await Assert.ThrowsAsync<OnboardingValidationException>(() => kit.Clients.StartFromProspectAsync(OnboardingKit.Rep, prospectId));
        await Assert.ThrowsAsync<AccessDeniedException>(() => kit.Clients.StartFromProspectAsync(OnboardingKit.Executive, prospectId));

        Assert.Contains("only a converted prospect", notConverted.Errors["ProspectId"]);
        Assert.Empty(await kit.Clients.ListAsync(OnboardingKit.Executive));
    }

    [Theory, ClassData(typeof(BothStores))]
    public async Task ApplyTemplate_CreatesTheMilestonesWithMappedDependencies(string mode)
    {
        await using var scope = await StoreScope.CreateAsync(postgres, mode);
        var kit = new OnboardingKit(scope);

        var (client, plan) = await kit.ClientWithPlanAsync();

        var byName = plan.Projection.Milestones.ToDictionary(m => m.Name);
        Assert.Equal(["Kickoff", "Build", "Design", "Go-live"], plan.Projection.Milestones.Select(m => m.Name));
        Assert.Equal([kit.Today, kit.Today.AddDays(5), kit.Today.AddDays(10), kit.Today.AddDays(20)], plan.Projection.Milestones.Select(m => m.Due!.Value));
        Assert.Equal([byName["Build"].Id, byName["Design"].Id], byName["Go-live"].DependsOn);
        Assert.Equal([byName["Kickoff"].Id], byName["Build"].DependsOn);
        Assert.Equal((kit.Today.AddDays(20), "csm@epic16.test"), (client.GoLiveTarget!.Value, client.CsmOwner));
        Assert.Equal(0, plan.Projection.SlipDays);
        Assert.Equal(["Kickoff", "Build", "Go-live"], plan.Projection.CriticalPath.Select(id => plan.Projection.Find(id)!.Name));

        var twice = await Assert.ThrowsAsync<OnboardingValidationException>(() => kit.Templates.ApplyAsync(OnboardingKit.Csm, client.TemplateId!.Value, client.Id));
        Assert.Contains("already has a milestone plan", twice.Errors["TemplateId"]);
        Assert.Equal(4, (await kit.Plans.GetAsync(OnboardingKit.Csm, client.Id)).Projection.Milestones.Count);
    }

    [Theory, ClassData(typeof(BothStores))]
    public async Task Complete_BeforeItsDependency_IsRefused_InOrder_Succeeds(string mode)
    {
        await using var scope = await StoreScope.CreateAsync(postgres, mode);
        var kit = new OnboardingKit(scope);
        var (client, plan) = await kit.ClientWithPlanAsync();
        var id = plan.Projection.Milestones.ToDictionary(m => m.Name, m => m.Id);

        var early = await Assert.ThrowsAsync<OnboardingValidationException>(() => kit.Plans.CompleteAsync(OnboardingKit.Csm, id["Go-live"]));
        var start = await Assert.ThrowsAsync<OnboardingValidationException>(() => kit.Plans.StartAsync(OnboardingKit.Csm, id["Build"]));
        await Assert.ThrowsAsync<AccessDeniedException>(() => kit.Plans.CompleteAsync(OnboardingKit.Executive, id["Kickoff"]));
        foreach (var name in new[] { "Kickoff", "Build", "Design", "Go-live" })
        {
            await kit.Plans.CompleteAsync(OnboardingKit.Csm, id[name]);
        }

        Assert.Equal("\"Go-live\" cannot be completed before \"Build\" and \"Design\" are done.", early.Errors["Status"]);
        Assert.Equal("\"Build\" cannot be started before \"Kickoff\" is done.", start.Errors["Status"]);
        var after = (await kit.Plans.GetAsync(OnboardingKit.Executive, client.Id)).Projection;
        Assert.All(after.Milestones, m => Assert.Equal("done", m.Status));
        Assert.Equal(kit.Today, after.ProjectedGoLive);
        Assert.Equal(-20, after.SlipDays);
    }

    [Theory, ClassData(typeof(BothStores))]
    public async Task SetDependencies_ClosingACycle_IsRefusedWithTheCycleNamed(string mode)
    {
        await using var scope = await StoreScope.CreateAsync(postgres, mode);
        var kit = new OnboardingKit(scope);
        var (client, plan) = await kit.ClientWithPlanAsync();
        var id = plan.Projection.Milestones.ToDictionary(m => m.Name, m => m.Id);

        var error = await Assert.ThrowsAsync<OnboardingValidationException>(() => kit.Plans.SetDependenciesAsync(OnboardingKit.Csm, id["Kickoff"], [id["Go-live"]]));
        await kit.Plans.SetDependenciesAsync(OnboardingKit.Csm, id["Design"], [id["Kickoff"], id["Build"]]);

        Assert.Equal("That would close a cycle: Kickoff → Go-live → Build → Kickoff.", error.Errors["DependsOn"]);
        var after = (await kit.Plans.GetAsync(OnboardingKit.Csm, client.Id)).Projection;
        Assert.Empty(after.Find(id["Kickoff"])!.DependsOn);
        Assert.Equal([id["Kickoff"], id["Build"]], after.Find(id["Design"])!.DependsOn);
    }

    [Theory, ClassData(typeof(BothStores))]
    public async Task DueDateChange_IsPreviewedThenSaved_AndABadDateRefused(string mode)
    {
        await using var scope = await StoreScope.CreateAsync(postgres, mode);
        var kit = new OnboardingKit(scope);
        var (client, plan) = await kit.ClientWithPlanAsync();
        var id = plan.Projection.Milestones.ToDictionary(m => m.Name, m => m.Id);

        // Design moves from day 10 to day 25, past Go-live's day 20: Go-live can only follow it → day 25, 5 days late.
        var preview = await kit.Plans.PreviewDueDateAsync(OnboardingKit.Csm, id["Design"], kit.Today.AddDays(25));
        var unchanged = await kit.Plans.GetAsync(OnboardingKit.Csm, client.Id);
        var tooEarly = await Assert.ThrowsAsync<OnboardingValidationException>(() => kit.Plans.SaveDueDateAsync(OnboardingKit.Csm, id["Build"], kit.Today.AddDays(-1)));
        await kit.Plans.SaveDueDateAsync(OnboardingKit.Csm, id["Design"], kit.Today.AddDays(25));
        var saved = await kit.Plans.GetAsync(OnboardingKit.Csm, client.Id);

        Assert.Equal([("Design", kit.Today.AddDays(10), kit.Today.AddDays(25)), ("Go-live", kit.Today.AddDays(20), kit.Today.AddDays(25))],
            preview.Moved.Select(m => (m.Name, m.Before, m.After)));
        Assert.Equal((kit.Today.AddDays(20), kit.Today.AddDays(25), 0, 5), (preview.GoLiveBefore!.Value, preview.GoLiveAfter!.Value, preview.SlipBefore!.Value, preview.SlipAfter!.Value));
        Assert.Equal(kit.Today.AddDays(20), unchanged.Projection.ProjectedGoLive);
        Assert.Contains("cannot be before", tooEarly.Errors["DueDate"]);
        Assert.Equal((kit.Today.AddDays(25), 5), (saved.Projection.ProjectedGoLive!.Value, saved.Projection.SlipDays!.Value));
    }

    [Theory, ClassData(typeof(BothStores))]
    public async Task Template_Invalid_IsRefusedNamingEachField(string mode)
    {
        await using var scope = await StoreScope.CreateAsync(postgres, mode);
        var kit = new OnboardingKit(scope);
        var cyclic = OnboardingKit.Diamond();
        cyclic.Milestones[0].DependsOn = ["golive"];
        var broken = new TemplateInput
        {
            Name = " ",
            Milestones = [new() { Key = "a", Name = "A", OffsetDays = -1 }, new() { Key = "a", Name = "", OffsetDays = 4, DependsOn = ["zz"] }],
        };

        var cycle = await Assert.ThrowsAsync<OnboardingValidationException>(() => kit.Templates.SaveAsync(OnboardingKit.Csm, null, cyclic));
        var fields = await Assert.ThrowsAsync<OnboardingValidationException>(() => kit.Templates.SaveAsync(OnboardingKit.Csm, null, broken));

        Assert.Equal("The dependencies form a cycle: kickoff → golive → build → kickoff.", cycle.Errors["Milestones"]);
        Assert.Contains("name is required", fields.Errors["Name"]);
        Assert.Contains("must be 0 to 3650", fields.Errors["Milestones[0].OffsetDays"]);
        Assert.Contains("used by more than one", fields.Errors["Milestones[1].Key"]);
        Assert.Contains("needs a name", fields.Errors["Milestones[1].Name"]);
        Assert.Contains("\"zz\", which is not a key", fields.Errors["Milestones[1].DependsOn"]);
        Assert.Empty(await kit.Templates.ListAsync(OnboardingKit.Csm));
    }

    [Theory, ClassData(typeof(BothStores))]
    public async Task ClientEdit_AndStatusMoves_FollowTheRules(string mode)
    {
        await using var scope = await StoreScope.CreateAsync(postgres, mode);
        var kit = new OnboardingKit(scope);
        var (client, _) = await kit.ClientWithPlanAsync();
        var input = ClientInput.From(client);
        input.GoLiveTarget = kit.Today.AddDays(-3);
        input.CsmOwner = "not-an-email";

        var bad = await Assert.ThrowsAsync<OnboardingValidationException>(() => kit.Clients.SaveAsync(OnboardingKit.Csm, client.Id, input));
        var skip = await kit.Clients.MoveStatusAsync(OnboardingKit.Csm, client.Id, "live");
        var next = await kit.Clients.MoveStatusAsync(OnboardingKit.Csm, client.Id, "implementation");
        var risk = await kit.Clients.MoveStatusAsync(OnboardingKit.Csm, client.Id, "at_risk");
        var back = await kit.Clients.MoveStatusAsync(OnboardingKit.Csm, client.Id, "adoption");

        Assert.Contains("cannot be before the start date", bad.Errors["GoLiveTarget"]);
        Assert.Contains("must be an e-mail", bad.Errors["CsmOwner"]);
        Assert.False(skip.Allowed);
        Assert.Contains("from kickoff to implementation or at_risk or churned", skip.Why);
        Assert.True(next.Allowed && risk.Allowed && back.Allowed);
        var saved = await kit.Clients.GetAsync(OnboardingKit.Csm, client.Id);
        Assert.Equal(("adoption", client.GoLiveTarget, "csm@epic16.test"), (saved.Status, saved.GoLiveTarget, saved.CsmOwner));
    }

    [Fact]
    public async Task SameSteps_OnBothStores_GiveEqualPlans()
    {
        var results = new List<string>();
        foreach (var mode in new BothStores())
        {
            await using var scope = await StoreScope.CreateAsync(postgres, mode);
            var kit = new OnboardingKit(scope);
            var (client, plan) = await kit.ClientWithPlanAsync();
            var id = plan.Projection.Milestones.ToDictionary(m => m.Name, m => m.Id);
            await kit.Plans.CompleteAsync(OnboardingKit.Csm, id["Kickoff"]);
            kit.Clock.Advance(TimeSpan.FromDays(12));
            await kit.Plans.CompleteAsync(OnboardingKit.Csm, id["Build"]);
            var projection = (await kit.Plans.GetAsync(OnboardingKit.Csm, client.Id)).Projection;
            results.Add(string.Join("\n", projection.Milestones.Select(m => $"{m.Name},{m.Status},{m.Due:yyyy-MM-dd},{m.Completed:yyyy-MM-dd},{m.Projected:yyyy-MM-dd},{m.Blocked},{m.OnCriticalPath}"))
                + $"\n{projection.ProjectedGoLive:yyyy-MM-dd},{projection.SlipDays}");
        }

        Assert.Equal(results[0], results[1]);
        // Build was done 7 days late (03-22); Go-live keeps its 15-day gap after it: 04-06, 7 days past the target 03-30.
        Assert.EndsWith("2026-04-06,7", results[0]);
        Assert.Contains("Design,pending,2026-03-20,,2026-03-22,False,False", results[0]);
    }
}
