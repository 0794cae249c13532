using Epic16.Domain.StoreMigration;

namespace Epic16.Tests.StoreMigration;

public sealed class ReportJsonTests
{
    [Fact]
    public void A_recorded_validation_reads_back_as_the_same_report()
    {
        var report = new ParityReport(
            [new TableParity("prospects", "f500_prospects", 10, 9, 1, 1, 2, 3, 0)],
            [new BusinessFigure("pipeline_value_usd", 1_158_000.00m, 1_157_000.50m)],
            [new MismatchSample("f500_prospects", 7, "different", [new ColumnDifference("company_name", "Acme <b>", "Acme")])],
            1234) { HealthRecalculation = new HealthRecalculation(40, 7.25m, 31) };

        var json = ReportJson.Of(report);
        var read = ReportJson.ParityFrom(json);

        Assert.Equal(json, ReportJson.Of(read));
        Assert.Equal(report.Tables, read.Tables);
        Assert.Equal(report.BusinessFigures, read.BusinessFigures);
        Assert.Equal("Acme <b>", read.Samples.Single().Columns.Single().Sqlite);
        Assert.Equal((report.HealthRecalculation, true), (read.HealthRecalculation, read.HealthRecalculation!.Tripped));
    }
}
