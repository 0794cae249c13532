using Epic16.Domain.Acquisition.Prospects;
using Epic16.Domain.Persistence;
using Epic16.Domain.StoreMigration;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Epic16.Tests.StoreMigration;

/// <summary>
/// The canonical forms both stores' rows are hashed by, and the hash written through one reused buffer per thread: a long row
/// (past the buffer's first size, with text outside ASCII) hashes the same each time, and a short row after it is not
/// affected by what the buffer held before.
/// </summary>
public sealed class RowCanonTests
{
    private static readonly IReadOnlyList<IProperty> Prospect = LegacyTables.Of(typeof(Prospect)).Properties;

    private static IProperty Column(string name) => Prospect.Single(p => p.Name == name);

    [Fact]
    public void Value_WritesEachKindInItsCanonicalForm()
    {
        Assert.Equal("1.5", RowCanon.Value(Column(nameof(Epic16.Domain.Acquisition.Prospects.Prospect.EstimatedArrUsd)), 1.50m));
        Assert.Equal("2025-10-08T14:03:22.123456Z",
            RowCanon.Value(Column("CreatedAt"), new DateTime(2025, 10, 8, 14, 3, 22, DateTimeKind.Utc).AddTicks(1_234_567)));
        Assert.Equal("2025-10-08", RowCanon.Value(Column("CreatedAt"), new DateOnly(2025, 10, 8)));
        Assert.Equal("\u2205", RowCanon.Value(Column("CompanyName"), null));
        Assert.Equal("42", RowCanon.Value(Column("Id"), 42L));
        Assert.Equal("1", RowCanon.Value(Column("CompanyName"), true));
        Assert.Equal("[\"AWS\",\"GCP\"]", RowCanon.Value(Column("TechStack"), "[ \"AWS\", \"GCP\" ]"));
        Assert.Equal("<b>Acme</b> é 東京", RowCanon.Value(Column("CompanyName"), "<b>Acme</b> é 東京"));
    }

    [Fact]
    public void Hash_EqualRowsAreEqual_AndOneCharacterMakesADifference_PastTheBufferSize()
    {
        var columns = new[] { Column("Id"), Column("CompanyName"), Column("EstimatedArrUsd"), Column("CreatedAt") };
        var created = new DateTime(2025, 10, 8, 14, 3, 22, DateTimeKind.Utc);
        var longName = string.Concat(Enumerable.Repeat("Société Générale 東京 🚀 ", 400));
        object?[] Row(string name, decimal arr) => [7L, name, arr, created];

        var first = RowCanon.Hash(columns, Row(longName, 1.50m));
        var shortRow = RowCanon.Hash(columns, Row("Acme", 1.5m));
        var again = RowCanon.Hash(columns, Row(longName, 1.5m));
        var shortAgain = RowCanon.Hash(columns, Row("Acme", 1.50m));

        Assert.Equal(first, again);
        Assert.Equal(shortRow, shortAgain);
        Assert.NotEqual(first, shortRow);
        Assert.NotEqual(first, RowCanon.Hash(columns, Row(longName[..^2] + "X ", 1.5m)));
        Assert.NotEqual(shortRow, RowCanon.Hash(columns, Row("Acme", 1.51m)));
        Assert.NotEqual(shortRow, RowCanon.Hash(columns, [7L, "Acme", null, created]));
    }

    [Fact]
    public async Task Hash_IsTheSameOnAnotherThread()
    {
        var columns = new[] { Column("Id"), Column("CompanyName") };
        object?[] row = [1L, "Acme"];
        var here = RowCanon.Hash(columns, row);
        UInt128 there = default;
        var thread = new Thread(() => there = RowCanon.Hash(columns, row));
        thread.Start();
        await Task.Run(thread.Join, TestContext.Current.CancellationToken);
        Assert.Equal(here, there);
    }
}
