using Epic16.Domain.Abm.Attribution;
using Epic16.Domain.Abm.Campaigns;
using Epic16.Domain.Abm.Content;
using Epic16.Domain.Abm.Engagement;
using Epic16.Domain.Abm.Performance;
using Epic16.Domain.Abm.Touchpoints;
using Epic16.Domain.Abm;
using Epic16.Domain.Acquisition.Prospects;
using Epic16.Domain.Acquisition;
using Epic16.Domain.Persistence;
using Epic16.Domain.Security;
using Epic16.Tests.Persistence;
using Epic16.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Epic16.Tests.Abm;

/// <summary>The ABM services on one store with a fixed clock, and a few prospects and assets to work with.</summary>
internal sealed class AbmWorld
{
    public static readonly DateTimeOffset Now = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);
    public static readonly ICurrentUser Rep = new TestUser("rep@epic16.test", AppRoles.Sales);
    public static readonly ICurrentUser Executive = new TestUser("exec@epic16.test", AppRoles.Executive);
    public static readonly ICurrentUser Success = new TestUser("cs@epic16.test", AppRoles.CustomerSuccess);

    private AbmWorld(StoreScope scope)
    {
        Scope = scope;
        var clock = new ManualClock(Now);
        var platform = scope.Services.GetRequiredService<IDbContextFactory<PlatformContext>>();
        Campaigns = new AbmCampaigns(scope.Router, clock);
        Touchpoints = new AbmTouchpoints(scope.Router, clock);
        Content = new ContentLibrary(scope.Router, clock);
        Engagement = new AccountEngagement(scope.Router, clock);
        Attribution = new CampaignAttribution(scope.Router, platform, clock);
        Reports = new CampaignReports(scope.Router, platform, Campaigns, Attribution);
    }

    public StoreScope Scope { get; }

    public AbmCampaigns Campaigns { get; }

    public AbmTouchpoints Touchpoints { get; }

    public ContentLibrary Content { get; }

    public AccountEngagement Engagement { get; }

    public CampaignAttribution Attribution { get; }

    public CampaignReports Reports { get; }

    public static TheoryData<string> Modes => ["SqliteOnly", "PostgresOnly"];

    public static AbmWorld On(StoreScope scope) => new(scope);

    public static StoreKind StoreOf(string mode) => mode == "PostgresOnly" ? StoreKind.Postgres : StoreKind.Sqlite;

    public async Task<long> ProspectAsync(string company, decimal? arr, string status = ProspectStatus.Engaged)
    {
        await using var db = await Scope.Router.CreateContextAsync();
        var prospect = new Prospect { CompanyName = company, EstimatedArrUsd = arr, Status = status, CreatedAt = Now.UtcDateTime.AddDays(-100) };
        db.Prospects.Add(prospect);
        await db.SaveChangesAsync();
        return prospect.Id;
    }

    public async Task<long> AssetAsync(string title, bool active = true)
    {
        var id = await Content.SaveAsync(Rep, null, new ContentAssetInput { Title = title, AssetType = "case_study", Persona = "CFO", FunnelStage = "consideration", Url = "https://content.test/" + title.Length });
        if (!active)
        {
            await Content.SetActiveAsync(Rep, id, false);
        }

        return id;
    }

    public Task<CampaignDetail> CampaignAsync(string name, IReadOnlyList<long> targets, decimal budget = 12_000m) =>
        Campaigns.SaveAsync(Rep, null, new CampaignInput
        {
            Name = name, Tier = "one_to_few", TargetAccounts = targets, Channels = ["email", "linkedin"], BudgetUsd = budget,
            StartDate = new DateOnly(2026, 1, 1), EndDate = new DateOnly(2026, 3, 31), Owner = "rep@epic16.test",
        }, null);

    /// <summary>Every touch of the campaign for one account, oldest first.</summary>
    public async Task<List<TouchpointRow>> TouchesAsync(long campaignId, long prospectId) =>
        [.. (await Touchpoints.ListAsync(Rep, new TouchpointQuery { CampaignId = campaignId, ProspectId = prospectId, PageSize = 500 })).Items.Reverse()];
}
