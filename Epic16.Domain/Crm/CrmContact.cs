namespace Epic16.Domain.Crm;

/// <summary>A contact of the Epic 7 CRM (PostgreSQL in every mode).</summary>
public class CrmContact
{
    public long Id { get; set; }
    public string FullName { get; set; } = "";
    public string Email { get; set; } = "";
    public string? Title { get; set; }
    public string Company { get; set; } = "";
    public string? Source { get; set; }
    public DateTime CreatedAt { get; set; }
}
