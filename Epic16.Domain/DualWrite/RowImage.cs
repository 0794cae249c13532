using Epic16.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Epic16.Domain.DualWrite;

/// <summary>
/// One changed row as the mirror replays it: its table, what happened, every column's value by property name
/// (JSON deep-copied through the property's comparer), and for an update the columns that changed.
/// </summary>
public sealed record RowImage(LegacyTable Table, EntityState State, long Id, IReadOnlyDictionary<string, object?> Values, IReadOnlyList<string> Modified)
{
    /// <summary>The row as the entry holds it now (after the primary save, so generated keys are there).</summary>
    public static RowImage Current(LegacyTable table, EntityState state, EntityEntry entry, IReadOnlyList<string> modified) =>
        new(table, state, (long)entry.Property("Id").CurrentValue!, Copy(entry.CurrentValues), modified);

    /// <summary>A deleted row: only its key matters.</summary>
    public static RowImage Deleted(LegacyTable table, EntityEntry entry) => Deleted(table, (long)entry.Property("Id").OriginalValue!);

    /// <summary>A row to delete by key.</summary>
    public static RowImage Deleted(LegacyTable table, long id) => new(table, EntityState.Deleted, id, new Dictionary<string, object?>(), []);

    /// <summary>
    /// A row read from one store (the reconciler's source), to be inserted on the other, or, when the other holds it
    /// (<paramref name="exists"/>), to overwrite every column there.
    /// </summary>
    public static RowImage Loaded(LegacyTable table, DbContext source, object row, bool exists)
    {
        var values = Copy(source.Entry(row).CurrentValues);
        var id = (long)values["Id"]!;
        return exists
            ? new(table, EntityState.Modified, id, values, [.. values.Keys.Where(k => k != "Id")])
            : new(table, EntityState.Added, id, values, []);
    }

    /// <summary>Puts the image into a context of the other store: insert with the same id, update the changed columns, or delete by key.</summary>
    public void ApplyTo(DbContext target)
    {
        var entity = Activator.CreateInstance(Table.EntityType)!;
        var entry = target.Entry(entity);
        switch (State)
        {
            case EntityState.Added:
                entry.CurrentValues.SetValues(Values);
                entry.State = EntityState.Added;
                break;
            case EntityState.Modified:
                entry.CurrentValues.SetValues(Values);
                entry.State = EntityState.Unchanged;
                foreach (var name in Modified)
                {
                    entry.Property(name).IsModified = true;
                }

                break;
            case EntityState.Deleted:
                entry.Property("Id").CurrentValue = Id;
                entry.State = EntityState.Deleted;
                break;
        }
    }

    /// <summary>The image as an upsert against what the target holds now: insert or overwrite every column; a delete of a row that is gone is done.</summary>
    public void ApplyAsUpsert(DbContext target, bool exists)
    {
        if (State == EntityState.Deleted)
        {
            if (exists)
            {
                ApplyTo(target);
            }

            return;
        }

        var entry = target.Entry(Activator.CreateInstance(Table.EntityType)!);
        entry.CurrentValues.SetValues(Values);
        entry.State = exists ? EntityState.Modified : EntityState.Added;
    }

    // ToObject() would share the JSON lists with the primary's entity: snapshot each value through its comparer instead.
    private static Dictionary<string, object?> Copy(PropertyValues values)
    {
        var copy = new Dictionary<string, object?>(values.Properties.Count);
        foreach (var property in values.Properties)
        {
            var value = values[property];
            copy[property.Name] = value is null ? null : property.GetValueComparer().Snapshot(value);
        }

        return copy;
    }
}
