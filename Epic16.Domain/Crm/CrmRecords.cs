using Epic16.Domain.Common;

namespace Epic16.Domain.Crm;

/// <summary>
/// The one way an Epic 7 CRM contact or deal is made (the CRM service, the conversion from a prospect and the demo seed):
/// e-mail trimmed and lower-cased, name and company trimmed, a deal's value in cents and never negative.
/// </summary>
public static class CrmRecords
{
    public static string NormalizeEmail(string email) => email.Trim().ToLowerInvariant();

    public static CrmContact Contact(string fullName, string email, string company, string? title, string? source, DateTime createdAt) => new()
    {
        FullName = fullName.Trim(),
        Email = NormalizeEmail(email),
        Company = company.Trim(),
        Title = title,
        Source = source,
        CreatedAt = createdAt,
    };

    /// <summary>
    /// A deal for a saved contact (<paramref name="contactId"/>) or one saved with it (<paramref name="contact"/>), open
    /// unless <paramref name="status"/> says otherwise.
    /// </summary>
    public static CrmDeal Deal(string name, string company, decimal valueUsd, string? source, DateTime createdAt,
        long? contactId = null, CrmContact? contact = null, string status = CrmDealStatus.Open, DateTime? closedAt = null)
    {
        if (valueUsd < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(valueUsd), "A deal's value cannot be negative.");
        }

        return new CrmDeal
        {
            Name = name.Trim(),
            Company = company.Trim(),
            ContactId = contactId,
            Contact = contact,
            ValueUsd = Money.Cents(valueUsd),
            Status = status,
            Source = source,
            CreatedAt = createdAt,
            ClosedAt = closedAt,
        };
    }
}
