namespace Epic16.Domain.Monitoring;

/// <summary>
/// Latencies counted in logarithmic buckets (10 µs up to about a minute, each bucket 10 % wider than the last),
/// so percentiles are read with at most 10 % error from a fixed, mergeable array of counts.
/// </summary>
public sealed class LatencyHistogram
{
    public const int BucketCount = 165;
    private const double FirstBoundMicroseconds = 10;
    private const double Growth = 1.1;

    private readonly long[] _counts;

    public LatencyHistogram() => _counts = new long[BucketCount];

    private LatencyHistogram(long[] counts) => _counts = counts;

    public long Count { get; private set; }

    /// <summary>The counts per bucket, to persist; <see cref="FromCounts"/> reads them back.</summary>
    public IReadOnlyList<long> Counts => _counts;

    public static LatencyHistogram FromCounts(IReadOnlyList<long> counts)
    {
        var copy = new long[BucketCount];
        for (var i = 0; i < Math.Min(counts.Count, BucketCount); i++)
        {
            copy[i] = counts[i];
        }

        return new LatencyHistogram(copy) { Count = copy.Sum() };
    }

    public void Record(TimeSpan elapsed)
    {
        _counts[BucketOf(elapsed)]++;
        Count++;
    }

    public void Add(LatencyHistogram other)
    {
        for (var i = 0; i < BucketCount; i++)
        {
            _counts[i] += other._counts[i];
        }

        Count += other.Count;
    }

    /// <summary>The latency under which `fraction` (0-1) of the recorded ones fall: the upper bound of its bucket; zero when empty.</summary>
    public TimeSpan Percentile(double fraction)
    {
        if (Count == 0)
        {
            return TimeSpan.Zero;
        }

        var rank = (long)Math.Ceiling(Math.Clamp(fraction, 0, 1) * Count);
        long seen = 0;
        for (var i = 0; i < BucketCount; i++)
        {
            seen += _counts[i];
            if (seen >= Math.Max(rank, 1))
            {
                return UpperBound(i);
            }
        }

        return UpperBound(BucketCount - 1);
    }

    public static TimeSpan UpperBound(int bucket) =>
        TimeSpan.FromMicroseconds(FirstBoundMicroseconds * Math.Pow(Growth, bucket));

    public static int BucketOf(TimeSpan elapsed)
    {
        var micros = elapsed.TotalMicroseconds;
        if (micros <= FirstBoundMicroseconds)
        {
            return 0;
        }

        var bucket = (int)Math.Ceiling(Math.Log(micros / FirstBoundMicroseconds, Growth) - 1e-9);
        return Math.Clamp(bucket, 0, BucketCount - 1);
    }
}
