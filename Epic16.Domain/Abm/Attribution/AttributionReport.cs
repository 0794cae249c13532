namespace Epic16.Domain.Abm.Attribution;

/// <summary>
/// Attribution side by side for the accounts of a campaign: the credited pipeline per campaign, channel and asset under every
/// model, which campaign each model puts on top, and whether they disagree.
/// </summary>
public sealed record AttributionReport(
    int Accounts, int Touches, decimal PipelineUsd, IReadOnlyList<AttributionRow> Rows,
    IReadOnlyDictionary<AttributionModel, string?> TopCampaign, bool ModelsDisagree)
{
    public IEnumerable<AttributionRow> Of(string dimension) => Rows.Where(r => r.Dimension == dimension);
}
