namespace Epic16.Domain.DualWrite;

/// <summary>What a reconcile pass compares: every row of every table, or only the keys changed since the watermark.</summary>
public enum ReconcilePass
{
    Full,
    Changed,
}
