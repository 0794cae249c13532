namespace Epic16.Domain.Persistence;

/// <summary>The ids of quarantined legacy rows per entity type, handed to each context.</summary>
public sealed class QuarantinedIds(IReadOnlyDictionary<Type, long[]> ids)
{
    public static readonly QuarantinedIds None = new(new Dictionary<Type, long[]>());

    public long[] For(Type entityType) => ids.TryGetValue(entityType, out var list) ? list : [];

    public int Count => ids.Values.Sum(v => v.Length);
}
