using System.Collections.Concurrent;
using System.Diagnostics;
using Epic16.Domain.Acquisition.Prospects;
using Epic16.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Epic16.Bench.Cutover;

/// <summary>One write as its writer saw it: when it began (Stopwatch ticks) and how long it took, context to commit.</summary>
internal readonly record struct WriteTiming(long StartedAt, double Ms);

/// <summary>How one store holds the writers' rows: expected, missing, holding another value, and rows no writer reported saved.</summary>
internal sealed record LostCheck(string Store, int Expected, int Missing, int Different, int Unexpected);

/// <summary>
/// N writers saving through <see cref="IStoreRouter"/> (the primary context, write gate and mirror) until stopped, as
/// users would: three new prospects, then an edit of one of the writer's own earlier prospects, with a short pause
/// between saves. Each remembers the value it saved per id, so the end check can say what a store lost.
/// </summary>
internal sealed class Writers(IStoreRouter router, int count, int delayMs)
{
    public const string Prefix = "cutover-bench ";

    private readonly ConcurrentDictionary<long, string> _expected = new();
    private readonly ConcurrentQueue<WriteTiming> _timings = new();
    private readonly ConcurrentQueue<string> _failures = new();
    private readonly CancellationTokenSource _stop = new();
    private List<Task> _tasks = [];
    private long _inserts;
    private long _updates;

    public long Inserts => Interlocked.Read(ref _inserts);

    public long Updates => Interlocked.Read(ref _updates);

    public int FailureCount => _failures.Count;

    public IReadOnlyList<string> Failures => [.. _failures.Take(20)];

    public IReadOnlyList<WriteTiming> Timings => [.. _timings];

    public void Start() => _tasks = [.. Enumerable.Range(0, count).Select(w => Task.Run(() => WriteAsync(w)))];

    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_tasks);
    }

    private async Task WriteAsync(int writer)
    {
        var own = new List<long>();
        var random = new Random(writer);
        for (var n = 0; !_stop.IsCancellationRequested; n++)
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                await using var db = await router.CreateContextAsync();
                if (n % 4 == 3 && own.Count > 0)
                {
                    var id = own[random.Next(own.Count)];
                    var prospect = await db.Prospects.SingleAsync(p => p.Id == id);
                    prospect.CompanyName = $"{Prefix}w{writer} edit {n}";
                    await db.SaveChangesAsync();
                    _expected[id] = prospect.CompanyName;
                    Interlocked.Increment(ref _updates);
                }
                else
                {
                    var prospect = new Prospect { CompanyName = $"{Prefix}w{writer} new {n}", CreatedAt = DateTime.UtcNow, Status = ProspectStatus.Identified, TechStack = ["x"] };
                    db.Prospects.Add(prospect);
                    await db.SaveChangesAsync();
                    _expected[prospect.Id] = prospect.CompanyName;
                    own.Add(prospect.Id);
                    Interlocked.Increment(ref _inserts);
                }

                _timings.Enqueue(new WriteTiming(started, Stopwatch.GetElapsedTime(started).TotalMilliseconds));
            }
            catch (Exception e)
            {
                _failures.Enqueue($"{DateTime.UtcNow:HH:mm:ss.fff} writer {writer}: {e.GetType().Name}: {e.Message.Split('\n')[0]}");
            }

            try
            {
                await Task.Delay(delayMs, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                // Stopping.
            }
        }
    }

    /// <summary>Reads the writers' rows back from one store, without the router's mirror or gate, and compares them with what each writer saved.</summary>
    public async Task<LostCheck> CheckAsync(StoreKind store)
    {
        await using var db = await router.CreateBackgroundContextAsync(store);
        var rows = await db.Prospects.AsNoTracking().Where(p => p.CompanyName.StartsWith(Prefix)).Select(p => new { p.Id, p.CompanyName }).ToListAsync();
        var held = rows.ToDictionary(r => r.Id, r => r.CompanyName);
        var expected = _expected.ToArray();
        return new LostCheck(store.ToString(), expected.Length,
            expected.Count(e => !held.ContainsKey(e.Key)),
            expected.Count(e => held.TryGetValue(e.Key, out var name) && name != e.Value),
            held.Keys.Count(id => !_expected.ContainsKey(id)));
    }
}
