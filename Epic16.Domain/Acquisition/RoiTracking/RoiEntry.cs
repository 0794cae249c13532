namespace Epic16.Domain.Acquisition.RoiTracking;

/// <summary>A month of acquisition spend and realized value for a prospect (legacy `roi_tracking`).</summary>
public class RoiEntry
{
    public long Id { get; set; }
    public long ProspectId { get; set; }
    public long? BusinessCaseId { get; set; }

    /// <summary>The month, `YYYY-MM`.</summary>
    public string Period { get; set; } = "";
    public decimal InvestedUsd { get; set; }
    public decimal RealizedValueUsd { get; set; }
    public string? Notes { get; set; }
    public DateTime RecordedAt { get; set; }
}
