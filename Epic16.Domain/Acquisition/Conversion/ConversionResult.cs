namespace Epic16.Domain.Acquisition.Conversion;

/// <summary>
/// A completed conversion. The pipeline protection held: <see cref="PipelineAfterUsd"/> = <see cref="PipelineBeforeUsd"/>
/// + the deal's value if this call created it, + 0 on a retry. The deal is null only for a prospect the legacy app converted without one.
/// </summary>
public sealed record ConversionResult(
    long ProspectId,
    long? DealId,
    decimal? DealValueUsd,
    bool DealCreated,
    IReadOnlyList<ConvertedContact> Contacts,
    IReadOnlyList<string> MakersWithoutEmail,
    int ConversionRowsWritten,
    decimal PipelineBeforeUsd,
    decimal PipelineAfterUsd)
{
    /// <summary>True on a retry or the losing half of a double click: no contact, deal or conversion row was added.</summary>
    public bool CreatedNothing => !DealCreated && ConversionRowsWritten == 0 && Contacts.All(c => !c.Created);
}
