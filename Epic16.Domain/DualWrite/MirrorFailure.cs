using Epic16.Domain.Persistence;

namespace Epic16.Domain.DualWrite;

/// <summary>One mirror replay that did not reach the secondary store: when, where, which rows and why (the reconciler heals it).</summary>
public sealed record MirrorFailure(DateTime At, StoreKind Secondary, string Tables, int Rows, string Reason);
