using Epic16.Domain.Abm.Touchpoints;

namespace Epic16.Domain.Abm.Attribution;

/// <summary>
/// How each model shares one account's pipeline over its touches (in time order, the id breaking ties). First and last
/// touch: all of it to that touch. Linear: equal shares. U-shaped: 40 % first, 40 % last, 20 % split over the middle ones
/// (one touch takes all, two take half each). W-shaped: 30 % each to the first touch, the first meeting and the last touch,
/// 10 % split over the rest (three touches take a third each); without a meeting between the first and the last touch it
/// falls back to U-shaped. Time decay: weight 0.5^(days before the conversion / 7), normalised.
/// </summary>
public static class AttributionModels
{
    public const double TimeDecayHalfLifeDays = 7;

    public static readonly IReadOnlyList<AttributionModel> All = Enum.GetValues<AttributionModel>();

    /// <summary>The share of each touch (same order as given, which must be by time); the shares add up to 1.</summary>
    public static IReadOnlyList<decimal> Shares(AttributionModel model, IReadOnlyList<TouchFact> touches, DateTime conversionAt)
    {
        var n = touches.Count;
        var shares = new decimal[n];
        if (n == 0)
        {
            return shares;
        }

        switch (model)
        {
            case AttributionModel.FirstTouch:
                shares[0] = 1m;
                break;
            case AttributionModel.LastTouch:
                shares[n - 1] = 1m;
                break;
            case AttributionModel.Linear:
                Array.Fill(shares, 1m / n);
                break;
            case AttributionModel.UShaped:
                UShape(shares);
                break;
            case AttributionModel.WShaped:
                var meeting = -1;
                for (var i = 1; i < n - 1 && meeting < 0; i++)
                {
                    meeting = touches[i].Status == TouchpointStatuses.Meeting ? i : -1;
                }

                if (meeting < 0)
                {
                    UShape(shares);
                    break;
                }

                if (n == 3)
                {
                    Array.Fill(shares, 1m / 3);
                    break;
                }

                Array.Fill(shares, 0.10m / (n - 3));
                shares[0] = shares[meeting] = shares[n - 1] = 0.30m;
                break;
            case AttributionModel.TimeDecay:
                var weights = touches.Select(t => Math.Pow(0.5, Math.Max(0, (conversionAt - t.At!.Value).TotalDays) / TimeDecayHalfLifeDays)).ToList();
                var sum = weights.Sum();
                for (var i = 0; i < n; i++)
                {
                    shares[i] = (decimal)(weights[i] / sum);
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(model), model, null);
        }

        return shares;
    }

    private static void UShape(decimal[] shares)
    {
        var n = shares.Length;
        if (n == 1)
        {
            shares[0] = 1m;
        }
        else if (n == 2)
        {
            shares[0] = shares[1] = 0.5m;
        }
        else
        {
            Array.Fill(shares, 0.20m / (n - 2));
            shares[0] = shares[n - 1] = 0.40m;
        }
    }

    public static string NameOf(AttributionModel model) => model switch
    {
        AttributionModel.FirstTouch => "First touch",
        AttributionModel.LastTouch => "Last touch",
        AttributionModel.Linear => "Linear",
        AttributionModel.UShaped => "U-shaped 40/20/40",
        AttributionModel.WShaped => "W-shaped 30/30/30+10",
        AttributionModel.TimeDecay => "Time decay (7-day half-life)",
        _ => model.ToString(),
    };
}
