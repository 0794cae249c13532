namespace Epic16.Domain.DemoData;

/// <summary>A decision maker of a converted prospect who must exist as an Epic 7 CRM contact (crm_conversions points at it).</summary>
public sealed record DemoCrmContact(long ProspectId, string Email, string FullName, string? Title, string Company);
