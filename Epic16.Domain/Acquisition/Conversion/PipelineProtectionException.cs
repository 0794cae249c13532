namespace Epic16.Domain.Acquisition.Conversion;

/// <summary>
/// The Epic 7 open pipeline after a conversion is not the value before plus exactly the new deal, so the conversion
/// does not report success and the prospect is not marked converted; the audit log holds the figures.
/// </summary>
public sealed class PipelineProtectionException(decimal beforeUsd, decimal expectedUsd, decimal afterUsd)
    : Exception($"The Epic 7 open pipeline should be {expectedUsd:N2} after the conversion (was {beforeUsd:N2}) but is {afterUsd:N2}. "
        + "The prospect was not marked converted; check the CRM deals, then convert again (nothing will be created twice).")
{
    public decimal BeforeUsd { get; } = beforeUsd;

    public decimal ExpectedUsd { get; } = expectedUsd;

    public decimal AfterUsd { get; } = afterUsd;
}
