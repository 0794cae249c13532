using Epic16.Domain.Acquisition.Prospects;
using Epic16.Tests.Persistence;
using Epic16.Tests.TestSupport;

namespace Epic16.Tests.Acquisition.Prospects;

/// <summary>The activity tab is paged: a prospect with many touchpoints comes a page at a time, newest first, nothing lost between pages.</summary>
public sealed class ProspectActivityPagingTests(PostgresServer postgres)
{
    private const int Touches = 60;

    [Theory]
    [ClassData(typeof(BothStores))]
    public async Task ForProspectAsync_ManyTouchpoints_PagesNewestFirstWithTheTotal(string mode)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var scope = await StoreScope.CreateAsync(postgres, mode);
        long prospectId;
        var start = new DateTime(2030, 6, 1, 9, 0, 0, DateTimeKind.Utc); // after the sample prospect was created
        await using (var db = await scope.Router.CreateContextAsync(ct))
        {
            var prospect = SampleEntities.Prospect("Paged Co");
            prospect.Notes = null;
            db.Prospects.Add(prospect);
            await db.SaveChangesAsync(ct);
            var campaign = SampleEntities.Campaign(prospect.Id);
            db.Add(campaign);
            await db.SaveChangesAsync(ct);
            for (var i = 0; i < Touches; i++)
            {
                var touch = SampleEntities.Touchpoint(campaign.Id, prospect.Id, null);
                (touch.ScheduledAt, touch.ExecutedAt, touch.Notes) = (start.AddDays(i), start.AddDays(i), $"touch {i}");
                db.Touchpoints.Add(touch);
            }

            await db.SaveChangesAsync(ct);
            prospectId = prospect.Id;
        }

        var service = new ProspectActivityService(scope.Router);
        var first = await service.ForProspectAsync(TestUser.Rep, prospectId, page: 1, pageSize: 25, ct);
        var all = await service.ForProspectAsync(TestUser.Rep, prospectId, page: 1, pageSize: ProspectActivityService.MaxPageSize, ct);
        var pages = new List<ActivityEntry>();
        for (var page = 1; page <= first.PageCount; page++)
        {
            pages.AddRange((await service.ForProspectAsync(TestUser.Rep, prospectId, page, 25, ct)).Items);
        }

        Assert.Equal(25, first.Items.Count);
        Assert.Equal(all.Items.Count, first.TotalCount);
        Assert.True(first.TotalCount > Touches, $"{first.TotalCount} entries for {Touches} touches and the creation");
        Assert.Contains($"touch {Touches - 1}", first.Items[0].Text);
        Assert.Equal(all.Items.Select(e => e.Text), pages.Select(e => e.Text));
    }
}
