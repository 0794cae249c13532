using Epic16.Domain.Acquisition.Prospects;
using Epic16.Domain.Abm.Attribution;
using Epic16.Domain.Abm.Engagement;
using Epic16.Domain.Abm.Touchpoints;
using Epic16.Domain.Acquisition;
using Epic16.Tests.Persistence;
using Epic16.Tests.TestSupport;

namespace Epic16.Tests.Abm;

/// <summary>
/// A campaign worked end to end on each store, with the same hand-worked figures expected from both: three targets
/// (A $100k engaged, B $50k qualified, C $30k), a three-step cadence, a reply and a meeting from A, a click from B.
/// </summary>
public sealed class AbmFlowTests(PostgresServer postgres)
{
    private static readonly DateTime Start = new(2026, 2, 2, 9, 0, 0, DateTimeKind.Utc);

    [Theory]
    [ClassData(typeof(BothStores))]
    public async Task Campaign_CadenceReplyAndMeeting_FiguresEngagementAndAttributionAsWorkedOut(string mode)
    {
        await using var scope = await StoreScope.CreateAsync(postgres, mode);
        var world = AbmWorld.On(scope);
        var (a, b, c) = (await world.ProspectAsync("Acme", 100_000m), await world.ProspectAsync("Bolt", 50_000m, ProspectStatus.Qualified), await world.ProspectAsync("Cogs", 30_000m));
        var asset = await world.AssetAsync("Claims ROI story");
        var campaign = await world.CampaignAsync("CFO roadshow", [a, b, c]);
        var plan = new CadencePlanInput { StartAt = Start, Steps = [new("email", asset, 0), new("linkedin", null, 3), new("call", null, 7)] };

        var preview = await world.Touchpoints.PreviewCadenceAsync(AbmWorld.Rep, campaign.Id, plan);
        var created = await world.Touchpoints.PlanCadenceAsync(AbmWorld.Rep, campaign.Id, plan);

        Assert.Equal((3, 3, 9, Start, Start.AddDays(7)), (preview.Accounts, preview.Steps, preview.TotalTouches, preview.FirstAt, preview.LastAt));
        Assert.Equal(["Acme", "Acme", "Acme", "Bolt"], preview.Rows.Take(4).Select(r => r.Company));
        Assert.Equal("Claims ROI story", preview.Rows[0].AssetTitle);
        Assert.Equal(9, created);

        var acme = await world.TouchesAsync(campaign.Id, a);
        var bolt = await world.TouchesAsync(campaign.Id, b);
        Assert.Equal(["email", "linkedin", "call"], acme.Select(t => t.Channel));
        await world.Touchpoints.RecordOutcomeAsync(AbmWorld.Rep, acme[0].Id, new("replied", null, "Wants numbers", Start.AddHours(1)));
        await world.Touchpoints.RecordOutcomeAsync(AbmWorld.Rep, acme[2].Id, new("meeting", 95m, null, Start.AddDays(7).AddHours(1)));
        var clicked = await world.Touchpoints.RecordOutcomeAsync(AbmWorld.Rep, bolt[0].Id, new("clicked", null, null, Start.AddHours(2)));
        Assert.Equal((35m, "clicked"), (clicked.EngagementScore, clicked.Status));

        var figures = await world.Reports.FiguresAsync(AbmWorld.Rep, campaign.Id);
        Assert.Equal((9, 3, 3, 100m, 2, 1), (figures.Touches, figures.DeliveredTouches, figures.EngagedTouches, figures.EngagementRatePercent, figures.EngagedAccounts, figures.Meetings));
        Assert.Equal((150_000m, 2, 1), (figures.InfluencedPipelineUsd, figures.InfluencedAccounts, figures.Opportunities));
        Assert.Equal((12_000m, true, 12_000m, 6_000m, 12_000m, 1_150m), (figures.CostUsd, figures.CostIsBudget, figures.CostPerMeetingUsd, figures.CostPerEngagedAccountUsd, figures.CostPerOpportunityUsd, figures.RoiPercent));

        // Acme: a reply 28 d 2 h before now and a meeting 21 d 2 h before, halved every 30 days; it met, so MQA.
        var engagement = await world.Engagement.ForProspectAsync(AbmWorld.Rep, a);
        Assert.Equal(41.17m, engagement.Score); // 20 × 0.5^(28.083/30) + 50 × 0.5^(21.083/30) = 10.453 + 30.719
        Assert.Equal((BuyingStage.Mqa, 3, 2, 1), (engagement.Stage, engagement.Touches, engagement.Delivered, engagement.Meetings));
        Assert.Contains("took 1 meeting", engagement.Why[0]);
        Assert.Equal(BuyingStage.Opportunity, (await world.Engagement.ForProspectAsync(AbmWorld.Rep, b)).Stage);
        Assert.Equal(BuyingStage.Target, (await world.Engagement.ForProspectAsync(AbmWorld.Rep, c)).Stage);

        var attribution = await world.Attribution.ForCampaignAsync(AbmWorld.Rep, campaign.Id);
        Assert.Equal((2, 3, 150_000m, false), (attribution.Accounts, attribution.Touches, attribution.PipelineUsd, attribution.ModelsDisagree));
        Assert.All(AttributionModels.All, m => Assert.Equal(150_000m, attribution.Of(AttributionRow.Campaign).Single().Credit[m]));
        var email = attribution.Of(AttributionRow.Channel).Single(r => r.Key == "email");
        var call = attribution.Of(AttributionRow.Channel).Single(r => r.Key == "call");
        // Acme's path is its reply (email) then the meeting (call); Bolt's is one click (email).
        Assert.Equal((150_000m, 50_000m, 100_000m), (email.Credit[AttributionModel.FirstTouch], email.Credit[AttributionModel.LastTouch], email.Credit[AttributionModel.Linear]));
        Assert.Equal((0m, 100_000m, 50_000m), (call.Credit[AttributionModel.FirstTouch], call.Credit[AttributionModel.LastTouch], call.Credit[AttributionModel.UShaped]));
        // Time decay: the meeting is the conversion-side end (now); 7-day half-life, 7 days apart: 1/3 and 2/3 of Acme's $100k.
        Assert.Equal(66_666.67m, call.Credit[AttributionModel.TimeDecay]);

        var dashboard = await world.Reports.DashboardAsync(AbmWorld.Executive, campaign.Id);
        Assert.Equal(figures, dashboard.Figures);
        Assert.Equal(["Acme", "Bolt", "Cogs"], dashboard.Timeline.Accounts.Select(x => x.Label));
        Assert.Equal(9, dashboard.Timeline.Touches.Count);
        Assert.All(dashboard.Timeline.Touches.Where(t => t.Channel == "email"), t => Assert.Equal("Claims ROI story", t.AssetTitle));
        Assert.Equal([20m, 8m, 0m], dashboard.HeatMap.Rows.Select(r => r.Values[0]));
        Assert.Equal([50m, 0m, 0m], dashboard.HeatMap.Rows.Select(r => r.Values[1]));
        var rows = await world.Campaigns.ListAsync(AbmWorld.Executive, new());
        var row = Assert.Single(rows.Items);
        Assert.Equal((3, 9, 2, 100m, 1, 12_000m), (row.TargetAccounts, row.Touches, row.EngagedAccounts, row.EngagementRatePercent, row.Meetings, row.CostPerMeetingUsd));
    }

    [Theory]
    [ClassData(typeof(BothStores))]
    public async Task Campaign_BadInput_EveryFieldNamedAndNothingSaved(string mode)
    {
        await using var scope = await StoreScope.CreateAsync(postgres, mode);
        var world = AbmWorld.On(scope);

        var error = await Assert.ThrowsAsync<Epic16.Domain.Abm.Campaigns.CampaignValidationException>(() => world.Campaigns.SaveAsync(AbmWorld.Rep, null, new()
        {
            Name = " ", Tier = "one_to_all", TargetAccounts = [424242], Channels = ["fax"], BudgetUsd = -1m,
            StartDate = new DateOnly(2026, 5, 1), EndDate = new DateOnly(2026, 4, 30),
        }, null));

        Assert.Contains("name is required", error.Errors["Name"]);
        Assert.Contains("not a tier", error.Errors["Tier"]);
        Assert.Contains("No prospect with id 424242", error.Errors["TargetAccounts"]);
        Assert.Contains("Unknown channel fax", error.Errors["Channels"]);
        Assert.Contains("below zero", error.Errors["BudgetUsd"]);
        Assert.Contains("before the start date", error.Errors["EndDate"]);
        Assert.Equal(0, (await world.Campaigns.ListAsync(AbmWorld.Rep, new())).TotalCount);
    }

    [Theory]
    [ClassData(typeof(BothStores))]
    public async Task Touchpoints_BadInput_RefusedWithTheFieldAndNothingHalfSaved(string mode)
    {
        await using var scope = await StoreScope.CreateAsync(postgres, mode);
        var world = AbmWorld.On(scope);
        var (a, stranger) = (await world.ProspectAsync("Acme", 1m), await world.ProspectAsync("Outsider", 1m));
        var inactive = await world.AssetAsync("Retired deck", active: false);
        var campaign = await world.CampaignAsync("Wave", [a]);

        var moved = await world.Campaigns.MoveStatusAsync(AbmWorld.Rep, campaign.Id, "paused");
        var badPlan = await Assert.ThrowsAsync<TouchpointValidationException>(() => world.Touchpoints.PlanCadenceAsync(AbmWorld.Rep, campaign.Id, new()
        {
            StartAt = Start, Steps = [new("email", null, 0), new("email", inactive, 2), new("pigeon", null, -1)], ProspectIds = [a, stranger],
        }));
        var notTarget = await Assert.ThrowsAsync<TouchpointValidationException>(() => world.Touchpoints.AddAsync(AbmWorld.Rep, new()
        {
            CampaignId = campaign.Id, ProspectId = stranger, Channel = "email", ScheduledAt = Start,
        }));

        Assert.False(moved.Allowed);
        Assert.Contains("can only move to active or completed", moved.Why);
        Assert.Contains("inactive", badPlan.Errors["Steps[1].AssetId"]);
        Assert.Contains("not a channel", badPlan.Errors["Steps[2].Channel"]);
        Assert.Contains("0 to 365", badPlan.Errors["Steps[2].DayOffset"]);
        Assert.Contains("not a target account", badPlan.Errors["ProspectIds"]);
        Assert.Contains("not a target account", notTarget.Errors["ProspectId"]);
        Assert.Equal(0, (await world.Touchpoints.ListAsync(AbmWorld.Rep, new() { CampaignId = campaign.Id })).TotalCount);

        await world.Touchpoints.PlanCadenceAsync(AbmWorld.Rep, campaign.Id, new() { StartAt = Start, Steps = [new("email", null, 0), new("call", null, 5)] });
        var touches = await world.TouchesAsync(campaign.Id, a);
        await world.Touchpoints.RecordOutcomeAsync(AbmWorld.Rep, touches[0].Id, new("replied"));
        var back = await Assert.ThrowsAsync<TouchpointValidationException>(() => world.Touchpoints.RecordOutcomeAsync(AbmWorld.Rep, touches[0].Id, new("sent")));
        var score = await Assert.ThrowsAsync<TouchpointValidationException>(() => world.Touchpoints.RecordOutcomeAsync(AbmWorld.Rep, touches[1].Id, new("opened", 150m)));
        var mixed = await Assert.ThrowsAsync<TouchpointValidationException>(() => world.Touchpoints.RescheduleAsync(AbmWorld.Rep, [touches[0].Id, touches[1].Id], 3));

        Assert.Contains("cannot go back from replied to sent", back.Errors["Status"]);
        Assert.Contains("0 to 100", score.Errors["EngagementScore"]);
        Assert.Contains("Only scheduled touches can be rescheduled", mixed.Errors["Touchpoints"]);
        var after = (await world.TouchesAsync(campaign.Id, a)).ToDictionary(t => t.Id);
        Assert.Equal((Start.AddDays(5), "replied", "scheduled"), (after[touches[1].Id].ScheduledAt, after[touches[0].Id].Status, after[touches[1].Id].Status));
    }

    [Theory]
    [ClassData(typeof(BothStores))]
    public async Task Reschedule_Many_ShiftsEachByTheDays(string mode)
    {
        await using var scope = await StoreScope.CreateAsync(postgres, mode);
        var world = AbmWorld.On(scope);
        var (a, b) = (await world.ProspectAsync("Acme", 1m), await world.ProspectAsync("Bolt", 1m));
        var campaign = await world.CampaignAsync("Wave", [a, b]);
        await world.Touchpoints.PlanCadenceAsync(AbmWorld.Rep, campaign.Id, new() { StartAt = Start, Steps = [new("email", null, 0), new("call", null, 4)] });
        var page = await world.Touchpoints.ListAsync(AbmWorld.Rep, new() { CampaignId = campaign.Id, Channel = "call" });

        var moved = await world.Touchpoints.RescheduleAsync(AbmWorld.Rep, [.. page.Items.Select(t => t.Id)], -2);

        Assert.Equal(2, moved);
        var calls = await world.Touchpoints.ListAsync(AbmWorld.Rep, new() { CampaignId = campaign.Id, Channel = "call" });
        Assert.All(calls.Items, t => Assert.Equal(Start.AddDays(2), t.ScheduledAt));
        var emails = await world.Touchpoints.ListAsync(AbmWorld.Rep, new() { CampaignId = campaign.Id, Channel = "email" });
        Assert.All(emails.Items, t => Assert.Equal(Start, t.ScheduledAt));
    }
}
