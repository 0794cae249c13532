namespace Epic16.Domain.Acquisition.Conversion;

/// <summary>A decision maker the conversion turns into a CRM contact; <see cref="ExistingCrmContactId"/> is set when a CRM contact with that e-mail already exists and will be reused.</summary>
public sealed record ConversionContact(string FullName, string Email, string? Title, string? Role, long? ExistingCrmContactId)
{
    public bool Reused => ExistingCrmContactId is not null;
}
