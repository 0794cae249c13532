namespace Epic16.Domain.Persistence;

/// <summary>
/// One row of the 15 Epic 16 tables that a save through the app wrote in a dual-write mode
/// (`dual_write_changed_keys`): the incremental reconcile compares only the keys recorded after its watermark.
/// <see cref="Seq"/> is a bigserial, so it orders the records.
/// </summary>
public class ChangedKey
{
    public long Seq { get; set; }
    public string TableName { get; set; } = "";
    public long RowId { get; set; }
    public DateTime RecordedAt { get; set; }
}
