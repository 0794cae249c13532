using Epic16.Domain.Abm.Touchpoints;

namespace Epic16.Domain.Abm.Attribution;

/// <summary>
/// Shares every account's pipeline over its touches that reached it (sent or further, dated at or before its conversion,
/// or now while it is not converted) by each model, and sums the credit per campaign, channel and asset.
/// </summary>
public static class AttributionMath
{
    public static AttributionReport Compute(
        IReadOnlyCollection<TouchFact> touches, IReadOnlyDictionary<long, ProspectValue> values, IReadOnlyDictionary<long, DateTime> conversions,
        IReadOnlyDictionary<long, string> campaignNames, IReadOnlyDictionary<long, string> assetTitles, DateTime now)
    {
        var credit = new Dictionary<(string Dimension, string Key), decimal[]>();
        var accounts = 0;
        var counted = 0;
        var pipeline = 0m;
        foreach (var account in touches.GroupBy(t => t.ProspectId))
        {
            var value = values.TryGetValue(account.Key, out var v) ? v.PipelineUsd : 0m;
            var until = conversions.TryGetValue(account.Key, out var converted) ? converted : now;
            var path = account.Where(t => TouchpointStatuses.IsDelivered(t.Status) && t.At is { } at && at <= until)
                .OrderBy(t => t.At).ThenBy(t => t.Id).ToList();
            if (path.Count == 0 || value <= 0)
            {
                continue;
            }

            accounts++;
            counted += path.Count;
            pipeline += value;
            foreach (var model in AttributionModels.All)
            {
                var shares = AttributionModels.Shares(model, path, until);
                for (var i = 0; i < path.Count; i++)
                {
                    var touch = path[i];
                    Add(credit, AttributionRow.Campaign, touch.CampaignId.ToString(System.Globalization.CultureInfo.InvariantCulture), model, value * shares[i]);
                    Add(credit, AttributionRow.Channel, touch.Channel, model, value * shares[i]);
                    Add(credit, AttributionRow.Asset, touch.AssetId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "", model, value * shares[i]);
                }
            }
        }

        var rows = credit.Select(c => new AttributionRow(c.Key.Dimension, c.Key.Key, LabelOf(c.Key.Dimension, c.Key.Key, campaignNames, assetTitles),
                AttributionModels.All.ToDictionary(m => m, m => AbmData.Cents(c.Value[(int)m]))))
            .OrderBy(r => r.Dimension).ThenByDescending(r => r.Credit[AttributionModel.Linear]).ThenBy(r => r.Key, StringComparer.Ordinal).ToList();
        var top = AttributionModels.All.ToDictionary(m => m, m => rows.Where(r => r.Dimension == AttributionRow.Campaign && r.Credit[m] > 0)
            .OrderByDescending(r => r.Credit[m]).ThenBy(r => r.Key, StringComparer.Ordinal).FirstOrDefault());
        return new AttributionReport(accounts, counted, AbmData.Cents(pipeline), rows, top.ToDictionary(t => t.Key, t => t.Value?.Label),
            top.Values.Select(r => r?.Key).Distinct().Count() > 1);
    }

    private static void Add(Dictionary<(string, string), decimal[]> credit, string dimension, string key, AttributionModel model, decimal amount)
    {
        if (!credit.TryGetValue((dimension, key), out var sums))
        {
            credit[(dimension, key)] = sums = new decimal[AttributionModels.All.Count];
        }

        sums[(int)model] += amount;
    }

    private static string LabelOf(string dimension, string key, IReadOnlyDictionary<long, string> campaigns, IReadOnlyDictionary<long, string> assets) => dimension switch
    {
        AttributionRow.Campaign => campaigns.TryGetValue(long.Parse(key, System.Globalization.CultureInfo.InvariantCulture), out var name) ? name : $"Campaign #{key}",
        AttributionRow.Asset when key.Length == 0 => "(no asset)",
        AttributionRow.Asset => assets.TryGetValue(long.Parse(key, System.Globalization.CultureInfo.InvariantCulture), out var title) ? title : $"Asset #{key}",
        _ => key,
    };
}
