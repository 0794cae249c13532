namespace Epic16.Domain.Acquisition.Conversion;

/// <summary>
/// What converting a prospect would do, shown before it is done: the contacts (new or reused), the decision makers
/// left out because they have no usable e-mail, the deal, and the reasons that block the conversion (none = it may go ahead).
/// </summary>
public sealed record ConversionPreview(
    long ProspectId,
    string CompanyName,
    string Stage,
    IReadOnlyList<ConversionContact> Contacts,
    IReadOnlyList<string> MakersWithoutEmail,
    ConversionDeal Deal,
    IReadOnlyList<string> BlockingReasons,
    bool AlreadyConverted)
{
    public bool CanConvert => BlockingReasons.Count == 0;
}
