using Epic16.Domain.Executive;
using Epic16.Domain.StoreMigration;
using Epic16.Domain.Persistence.Legacy;
using Epic16.Domain.Security;
using Epic16.Tests.Persistence;
using Epic16.Tests.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Epic16.Tests.Executive;

/// <summary>
/// The executive figures are counted and summed in SQL (GROUP BY stage and creation month). On the legacy SQLite store the
/// same values may be written in other forms; the figures must not change with the spelling: stages in legacy spellings
/// (several SQL groups per stage), creation times as epoch seconds (which strftime cannot date, so the rows are grouped after
/// parsing), ISO text with T/Z or an offset, and ROI periods with spaces.
/// </summary>
public sealed class ExecutiveLegacyFiguresTests(PostgresServer postgres)
{
    private static readonly ICurrentUser Executive = new TestUser("exec@epic16.test", AppRoles.Executive);

    [Fact]
    public async Task LoadAsync_SameValuesInLegacyForms_GivesTheSameFigures()
    {
        await using var scope = await StoreScope.CreateAsync(postgres);
        await ExecutiveSeed.ProspectsAsync(scope.Router);
        var figures = scope.Services.CreateScope().ServiceProvider.GetRequiredService<ExecutiveFiguresService>();
        var written = await ExecutiveSeed.TextAsync(figures, Executive);
        var retail = await ExecutiveSeed.TextAsync(figures, Executive, new ExecutiveFilter(Industry: "Retail"));

        // A negotiation and a converted in other spellings; B created 2026-02-05 09:00 UTC as epoch seconds; D and E as ISO
        // text with T/Z and with an offset (11:00+02:00 is 09:00 UTC); both ROI periods padded with spaces.
        await scope.ExecuteLegacyAsync("""
            UPDATE prospects SET status = '  NEGOTIATION ' WHERE company_name = 'A';
            UPDATE prospects SET status = 'Converted' WHERE company_name = 'C';
            UPDATE prospects SET created_at = '1770282000' WHERE company_name = 'B';
            UPDATE prospects SET created_at = '2026-02-20T09:00:00Z' WHERE company_name = 'D';
            UPDATE prospects SET created_at = '2026-03-15 11:00:00+02:00' WHERE company_name = 'E';
            UPDATE roi_tracking SET period = ' ' || period || ' ';
            """);
        var legacy = await ExecutiveSeed.TextAsync(figures, Executive);
        var legacyRetail = await ExecutiveSeed.TextAsync(figures, Executive, new ExecutiveFilter(Industry: "Retail"));

        Assert.Equal(5L, await LegacyCountAsync(scope, """
            SELECT (SELECT count(*) FROM prospects WHERE status IN ('  NEGOTIATION ', 'Converted') OR created_at IN ('1770282000', '2026-02-20T09:00:00Z', '2026-03-15 11:00:00+02:00'))
            """));
        Assert.Equal(written, legacy);
        Assert.Equal(retail, legacyRetail);
        Assert.Contains("weighted:2026-01,2026-02,2026-03:", legacy);
        Assert.Contains("winrate=50.0%|1 won, 1 lost", legacy);
        Assert.Contains("roi:2026-01,2026-02:", legacy);
    }

    [Fact]
    public async Task LoadAsync_WholeBook_LeavesOutTheCaseAndRoiOfAQuarantinedProspect()
    {
        await using var scope = await StoreScope.CreateAsync(postgres);
        await ExecutiveSeed.ProspectsAsync(scope.Router);
        var figures = scope.Services.CreateScope().ServiceProvider.GetRequiredService<ExecutiveFiguresService>();
        Assert.Contains("cases:Case <b>A</b>:", await ExecutiveSeed.TextAsync(figures, Executive));

        // A's stage cannot be read: A is quarantined, and its business case and ROI month with it (orphans), so the whole book,
        // read without joining the prospects, leaves them out as a filtered view does.
        await scope.ExecuteLegacyAsync("UPDATE prospects SET status = 'maybe' WHERE company_name = 'A'");
        var scan = await scope.Services.CreateScope().ServiceProvider.GetRequiredService<QuarantineScanner>().ScanAsync(SystemUser.Cli);
        var wholeBook = await ExecutiveSeed.TextAsync(figures, Executive);
        var retail = await ExecutiveSeed.TextAsync(figures, Executive, new ExecutiveFilter(Industry: "Retail"));

        Assert.Equal(3, scan.QuarantinedRows);
        Assert.Contains("cases::", wholeBook);
        Assert.Contains("roi:2026-02:", wholeBook);
        Assert.Contains("cases::", retail);
        Assert.Contains("roi::", retail);
    }

    private static async Task<long> LegacyCountAsync(StoreScope scope, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(scope.LegacyDirectory, LegacyStore.AcquisitionFileName)}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
