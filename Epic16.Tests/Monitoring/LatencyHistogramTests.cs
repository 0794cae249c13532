using Epic16.Domain.Monitoring;

namespace Epic16.Tests.Monitoring;

public sealed class LatencyHistogramTests
{
    [Fact]
    public void Percentiles_fall_within_ten_percent_of_the_exact_value()
    {
        var histogram = new LatencyHistogram();
        var values = Enumerable.Range(1, 1000).Select(i => TimeSpan.FromMicroseconds(i * 97)).ToList();
        foreach (var value in values)
        {
            histogram.Record(value);
        }

        foreach (var fraction in new[] { 0.5, 0.95, 0.99 })
        {
            var exact = values[(int)Math.Ceiling(fraction * values.Count) - 1];
            var read = histogram.Percentile(fraction);
            Assert.InRange(read.TotalMicroseconds, exact.TotalMicroseconds, exact.TotalMicroseconds * 1.1 + 1);
        }
    }

    [Fact]
    public void Counts_round_trip_and_merge()
    {
        var a = new LatencyHistogram();
        a.Record(TimeSpan.FromMilliseconds(1));
        var b = LatencyHistogram.FromCounts(a.Counts);
        b.Record(TimeSpan.FromMilliseconds(300));
        a.Add(b);

        Assert.Equal(3, a.Count);
        Assert.InRange(a.Percentile(1).TotalMilliseconds, 300, 330);
        Assert.InRange(a.Percentile(0.5).TotalMilliseconds, 1, 1.1);
        Assert.Equal(TimeSpan.Zero, new LatencyHistogram().Percentile(0.95));
    }

    [Fact]
    public void Extremes_land_in_the_first_and_last_bucket()
    {
        Assert.Equal(0, LatencyHistogram.BucketOf(TimeSpan.Zero));
        Assert.Equal(LatencyHistogram.BucketCount - 1, LatencyHistogram.BucketOf(TimeSpan.FromHours(2)));
        Assert.True(LatencyHistogram.UpperBound(LatencyHistogram.BucketCount - 1) > TimeSpan.FromSeconds(60));
    }
}
