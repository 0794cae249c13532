using Epic16.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Epic16.Domain.DualWrite;

/// <summary>
/// The one way a row goes onto the other store, for the mirror and the reconciler: images in one save, or, when that
/// save fails because the target moved meanwhile, one by one as upserts against what the target holds now.
/// </summary>
public static class RowWriter
{
    /// <summary>Writes every image in one save; returns the rows written.</summary>
    public static async Task<int> WriteAsync(Epic16Context target, IEnumerable<RowImage> images, CancellationToken ct = default)
    {
        foreach (var image in images)
        {
            image.ApplyTo(target);
        }

        return await target.SaveChangesAsync(ct);
    }

    /// <summary>Each image in its own context and save, as an upsert; returns how many were written and how many were left for the next pass.</summary>
    public static async Task<(int Written, int Left)> UpsertOneByOneAsync(Func<CancellationToken, Task<Epic16Context>> open, IEnumerable<RowImage> images, CancellationToken ct = default)
    {
        int written = 0, left = 0;
        foreach (var image in images)
        {
            try
            {
                await using var target = await open(ct);
                image.ApplyAsUpsert(target, await ExistsAsync(target, image.Table.EntityType, image.Id, ct));
                written += await target.SaveChangesAsync(ct);
            }
            catch (Exception e) when (e is DbUpdateException or InvalidOperationException)
            {
                left++;
            }
        }

        return (written, left);
    }

    /// <summary>Whether the target holds the row, quarantined or not.</summary>
    public static Task<bool> ExistsAsync(Epic16Context target, Type entityType, long id, CancellationToken ct = default) =>
        (Task<bool>)typeof(RowWriter).GetMethod(nameof(ExistsTypedAsync), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(entityType).Invoke(null, [target, id, ct])!;

    private static Task<bool> ExistsTypedAsync<T>(Epic16Context target, long id, CancellationToken ct)
        where T : class =>
        target.Set<T>().IgnoreQueryFilters().AnyAsync(e => EF.Property<long>(e, "Id") == id, ct);
}
