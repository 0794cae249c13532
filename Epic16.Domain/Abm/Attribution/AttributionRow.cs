namespace Epic16.Domain.Abm.Attribution;

/// <summary>The pipeline one campaign, channel or asset is credited with under each model (cents).</summary>
public sealed record AttributionRow(string Dimension, string Key, string Label, IReadOnlyDictionary<AttributionModel, decimal> Credit)
{
    public const string Campaign = "campaign";
    public const string Channel = "channel";
    public const string Asset = "asset";
}
