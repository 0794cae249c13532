using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace Epic16.Domain.StoreMigration;

/// <summary>
/// A row source run on another thread in batches while the caller consumes it (the bulk copy and the validator read both
/// stores this way): on two cores, reading and converting one side overlaps with the other side and the consumer.
/// </summary>
internal static class ReadAhead
{
    private const int BatchSize = 1_000;

    public static async IAsyncEnumerable<T> Of<T>(Func<CancellationToken, IAsyncEnumerable<T>> source, [EnumeratorCancellation] CancellationToken ct = default)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var channel = Channel.CreateBounded<T[]>(new BoundedChannelOptions(8) { SingleReader = true, SingleWriter = true });
        var producer = Task.Run(async () =>
        {
            try
            {
                var batch = new List<T>(BatchSize);
                await foreach (var row in source(stop.Token))
                {
                    batch.Add(row);
                    if (batch.Count == BatchSize)
                    {
                        await channel.Writer.WriteAsync([.. batch], stop.Token);
                        batch.Clear();
                    }
                }

                if (batch.Count > 0)
                {
                    await channel.Writer.WriteAsync([.. batch], stop.Token);
                }

                channel.Writer.Complete();
            }
            catch (Exception e)
            {
                channel.Writer.TryComplete(e);
            }
        }, CancellationToken.None);

        try
        {
            await foreach (var batch in channel.Reader.ReadAllAsync(ct))
            {
                foreach (var row in batch)
                {
                    yield return row;
                }
            }
        }
        finally
        {
            // The consumer stopped (done, failed or cancelled): stop reading, and never leave the source running on its connection.
            await stop.CancelAsync();
            await producer;
        }
    }
}
