namespace Epic16.Domain.Acquisition.Conversion;

/// <summary>A decision maker turned into an Epic 7 CRM contact (legacy `crm_conversions`).</summary>
public class CrmConversion
{
    public long Id { get; set; }
    public long ProspectId { get; set; }
    public string DecisionMakerEmail { get; set; } = "";
    public long CrmContactId { get; set; }
    public string? ConvertedBy { get; set; }
    public DateTime ConvertedAt { get; set; }
}
