namespace Epic16.Domain.Acquisition.Conversion;

/// <summary>A decision maker's CRM contact after a conversion, and whether this conversion created it.</summary>
public sealed record ConvertedContact(string FullName, string Email, long CrmContactId, bool Created);
