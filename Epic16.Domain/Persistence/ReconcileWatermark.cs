namespace Epic16.Domain.Persistence;

/// <summary>
/// How far the reconciler has come (`dual_write_reconcile_watermarks`, one row, <see cref="Name"/> "reconcile"):
/// every changed key up to <see cref="Seq"/> was compared and repaired, and when the last full compare finished.
/// </summary>
public class ReconcileWatermark
{
    public const string Reconcile = "reconcile";

    public string Name { get; set; } = Reconcile;
    public long Seq { get; set; }
    public DateTime? LastFullAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
