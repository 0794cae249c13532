using Epic16.Domain.Onboarding;
using Epic16.Domain.Onboarding.Clients;
using Epic16.Domain.Onboarding.Health;
using Epic16.Tests.Persistence;
using Epic16.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Epic16.Tests.Onboarding;

/// <summary>
/// When the board's own rows (`cs_health_board`) follow the data: a recalculation during the day, a new client, a rename and a
/// new CSM, a client written behind the services, and a table that is empty on a database with snapshots. Both store modes:
/// the clients live on the mode's store, the rows on PostgreSQL.
/// </summary>
public sealed class HealthBoardRowsTests(PostgresServer postgres)
{
    // Usage 90 (weight 30) and NPS 80 → 90 (weight 15): (2700 + 1350) / 45 = 90.00, healthy.
    private static readonly HealthInput Good = new() { ProductUsage = 90m, Nps = 80 };

    // Usage 10 (30) and NPS −80 → 10 (15): (300 + 150) / 45 = 10.00, critical.
    private static readonly HealthInput Bad = new() { ProductUsage = 10m, Nps = -80 };

    private static async Task<ClientView> ClientAsync(OnboardingKit kit, string company, HealthInput? input = null)
    {
        var client = await kit.Clients.StartFromProspectAsync(OnboardingKit.Rep, await kit.ConvertedProspectAsync(company));
        if (input is not null)
        {
            await kit.Inputs.RecordAsync(OnboardingKit.Csm, client.Id, kit.Today, input);
        }

        return client;
    }

    private static async Task<HealthBoardRow> RowAsync(OnboardingKit kit, long clientId)
    {
        await using var control = await kit.Platform.CreateDbContextAsync();
        return await control.HealthBoard.AsNoTracking().SingleAsync(r => r.ClientId == clientId);
    }

    [Theory, ClassData(typeof(BothStores))]
    public async Task Recalculated_DuringTheDay_BoardShowsTheNewScoreBandAndCounts(string mode)
    {
        await using var scope = await StoreScope.CreateAsync(postgres, mode);
        var kit = new OnboardingKit(scope);
        var client = await ClientAsync(kit, "Turning Co", Good);
        await kit.Snapshots.RecordTodayAsync();
        var before = await kit.Board.LoadAsync(OnboardingKit.Csm);

        await kit.Inputs.RecordAsync(OnboardingKit.Csm, client.Id, kit.Today, Bad);
        await kit.Snapshots.RecordTodayAsync();
        var after = await kit.Board.LoadAsync(OnboardingKit.Csm);
        var critical = await kit.Board.LoadAsync(OnboardingKit.Csm, band: HealthBands.Critical);

        Assert.Equal((90.00m, HealthBands.Healthy, 1, 0), (before.Cards[0].Score!.Value, before.Cards[0].Band, before.CountsPerBand[HealthBands.Healthy], before.CountsPerBand[HealthBands.Critical]));
        Assert.Equal((10.00m, HealthBands.Critical, 0, 1), (after.Cards[0].Score!.Value, after.Cards[0].Band, after.CountsPerBand[HealthBands.Healthy], after.CountsPerBand[HealthBands.Critical]));
        Assert.Equal([client.Id], critical.Cards.Select(c => c.ClientId));
        Assert.Equal(1, critical.Matching);
        var row = await RowAsync(kit, client.Id);
        Assert.Equal((kit.Today, 10.00m, HealthBands.Rank(HealthBands.Critical)), (row.Day!.Value, row.Score!.Value, row.BandRank));
    }

    [Theory, ClassData(typeof(BothStores))]
    public async Task ClientAdded_AfterTheRun_IsOnTheBoardAtOnceWithoutDataAndScoredByTheNextRun(string mode)
    {
        await using var scope = await StoreScope.CreateAsync(postgres, mode);
        var kit = new OnboardingKit(scope);
        await ClientAsync(kit, "Early Co", Good);
        await kit.Snapshots.RecordTodayAsync();

        var late = await ClientAsync(kit, "Late Co", Bad);
        var board = await kit.Board.LoadAsync(OnboardingKit.Csm);
        var none = await kit.Board.LoadAsync(OnboardingKit.Csm, band: HealthBoard.NoData);

        // No data sorts after every band.
        Assert.Equal(["Early Co", "Late Co"], board.Cards.Select(c => c.Company));
        Assert.Equal((null, null, 1, 1), (board.Cards[1].Score, board.Cards[1].Band, board.CountsPerBand[HealthBoard.NoData], board.CountsPerBand[HealthBands.Healthy]));
        Assert.Equal([late.Id], none.Cards.Select(c => c.ClientId));

        await kit.Snapshots.RecordTodayAsync();
        var next = await kit.Board.LoadAsync(OnboardingKit.Csm);
        Assert.Equal(["Late Co", "Early Co"], next.Cards.Select(c => c.Company));
        Assert.Equal(0, next.CountsPerBand[HealthBoard.NoData]);
    }

    [Theory, ClassData(typeof(BothStores))]
    public async Task RenameAndNewCsm_SortAndFilterFollowAtOnce(string mode)
    {
        await using var scope = await StoreScope.CreateAsync(postgres, mode);
        var kit = new OnboardingKit(scope);
        var alpha = await ClientAsync(kit, "Alpha Co", Good);
        var beta = await ClientAsync(kit, "beta Co", Good);
        await kit.Snapshots.RecordTodayAsync();
        var before = await kit.Board.LoadAsync(OnboardingKit.Csm);

        var edit = ClientInput.From(beta);
        edit.CompanyName = "aardvark Co";
        edit.CsmOwner = "New.Owner@Epic16.test";
        await kit.Clients.SaveAsync(OnboardingKit.Csm, beta.Id, edit);
        var after = await kit.Board.LoadAsync(OnboardingKit.Csm);
        var newOwner = await kit.Board.LoadAsync(OnboardingKit.Csm, csm: "new.owner@epic16.test");
        var nobody = await kit.Board.LoadAsync(OnboardingKit.Csm, csm: "someone@epic16.test");

        // Equal scores sort by name, ignoring case.
        Assert.Equal([alpha.Id, beta.Id], before.Cards.Select(c => c.ClientId));
        Assert.Equal([(beta.Id, "aardvark Co"), (alpha.Id, "Alpha Co")], after.Cards.Select(c => (c.ClientId, c.Company)));
        Assert.Equal([beta.Id], newOwner.Cards.Select(c => c.ClientId));
        Assert.Equal(("New.Owner@Epic16.test", 1), (newOwner.Cards[0].CsmOwner, newOwner.CountsPerBand[HealthBands.Healthy]));
        Assert.Equal((0, 0), (nobody.Cards.Count, nobody.CountsPerBand.Values.Sum()));
        Assert.Equal(["New.Owner@Epic16.test"], after.CsmOwners);
        Assert.Equal((90.00m, kit.Today), ((await RowAsync(kit, beta.Id)).Score!.Value, (await RowAsync(kit, beta.Id)).Day!.Value));
    }

    [Theory, ClassData(typeof(BothStores))]
    public async Task RenameBehindTheServices_CardShowsItAtOnceAndTheRowTakesItAtTheNextRun(string mode)
    {
        await using var scope = await StoreScope.CreateAsync(postgres, mode);
        var kit = new OnboardingKit(scope);
        var client = await ClientAsync(kit, "Old Name Co", Bad);
        await kit.Snapshots.RecordTodayAsync();

        // Written as the reconciler or the legacy app would: not through OnboardingClients.
        await using (var db = await scope.Router.CreateContextAsync())
        {
            (await db.OnboardingClients.SingleAsync(c => c.Id == client.Id)).CompanyName = "New Name Co";
            await db.SaveChangesAsync();
        }

        var board = await kit.Board.LoadAsync(OnboardingKit.Csm);
        var rowBefore = await RowAsync(kit, client.Id);
        await kit.Snapshots.RecordTodayAsync();

        Assert.Equal(("New Name Co", 10.00m), (board.Cards[0].Company, board.Cards[0].Score!.Value));
        Assert.Equal("Old Name Co", rowBefore.CompanyName);
        Assert.Equal(("New Name Co", "NEW NAME CO"), ((await RowAsync(kit, client.Id)).CompanyName, (await RowAsync(kit, client.Id)).NameKey));
    }

    [Theory, ClassData(typeof(BothStores))]
    public async Task RowsMissing_ClientsBehindTheServicesOrAnEmptyTable_AreRebuiltFromTheSnapshots(string mode)
    {
        await using var scope = await StoreScope.CreateAsync(postgres, mode);
        var kit = new OnboardingKit(scope);
        var scored = await ClientAsync(kit, "Scored Co", Bad);
        kit.MoveTo(kit.Today.AddDays(-30));
        await kit.Inputs.RecordAsync(OnboardingKit.Csm, scored.Id, kit.Today, Good);
        await kit.Snapshots.RecordAsync(kit.Today, raiseEscalations: false);
        kit.MoveTo(kit.Today.AddDays(30));
        await kit.Snapshots.RecordTodayAsync();
        // A database that had snapshots before the board rows existed: the table is empty.
        await using (var control = await kit.Platform.CreateDbContextAsync())
        {
            control.HealthBoard.RemoveRange(await control.HealthBoard.ToListAsync());
            await control.SaveChangesAsync();
        }

        // A client written as the bulk copy or the reconciler would, not through OnboardingClients.
        long behind;
        await using (var db = await scope.Router.CreateContextAsync())
        {
            var client = new OnboardingClient { CompanyName = "Behind Co", CsmOwner = "csm@epic16.test", Status = "kickoff", CreatedAt = OnboardingKit.Start.UtcDateTime };
            db.OnboardingClients.Add(client);
            await db.SaveChangesAsync();
            behind = client.Id;
        }

        var board = await kit.Board.LoadAsync(OnboardingKit.Csm);

        Assert.Equal([(scored.Id, 10.00m, (decimal?)-80.00m), (behind, (decimal?)null, (decimal?)null)], board.Cards.Select(c => (c.ClientId, c.Score, c.Trend)));
        Assert.Equal((1, 1), (board.CountsPerBand[HealthBands.Critical], board.CountsPerBand[HealthBoard.NoData]));
        Assert.Equal(["csm@epic16.test"], board.CsmOwners);
        Assert.Equal((-80.00m, HealthBands.Critical), ((await RowAsync(kit, scored.Id)).Trend!.Value, (await RowAsync(kit, scored.Id)).Band));
    }

    [Theory, ClassData(typeof(BothStores))]
    public async Task UnknownBand_MatchesNoClient(string mode)
    {
        await using var scope = await StoreScope.CreateAsync(postgres, mode);
        var kit = new OnboardingKit(scope);
        await ClientAsync(kit, "Any Co");

        var board = await kit.Board.LoadAsync(OnboardingKit.Csm, band: "purple");

        Assert.Equal((0, 0, 1), (board.Cards.Count, board.Matching, board.CountsPerBand[HealthBoard.NoData]));
    }
}
