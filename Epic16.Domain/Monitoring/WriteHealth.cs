using Epic16.Domain.Persistence;

namespace Epic16.Domain.Monitoring;

/// <summary>
/// Whether the app can write to a store: the last save that committed, and since when saves have failed
/// without one succeeding (null while writes succeed).
/// </summary>
public sealed record WriteHealth(StoreKind Store, DateTime? LastSuccessAt, DateTime? FailingSince)
{
    public TimeSpan OutageAt(DateTime now) => FailingSince is { } since ? now - since : TimeSpan.Zero;
}
