namespace Epic16.Domain.Crm;

/// <summary>A deal of the Epic 7 CRM; open deals make up the protected pipeline.</summary>
public class CrmDeal
{
    public long Id { get; set; }
    public string Name { get; set; } = "";
    public string Company { get; set; } = "";
    public long? ContactId { get; set; }
    public CrmContact? Contact { get; set; }
    public decimal ValueUsd { get; set; }
    public string Status { get; set; } = CrmDealStatus.Open;
    public string? Source { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ClosedAt { get; set; }
}
