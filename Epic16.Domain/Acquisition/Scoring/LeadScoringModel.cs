using System.Text.RegularExpressions;
using Epic16.Domain.Acquisition.Prospects;
using Epic16.Domain.Acquisition.Sequences;
using Epic16.Domain.Common;

namespace Epic16.Domain.Acquisition.Scoring;

/// <summary>
/// The lead-scoring model "lead-v1": deterministic and explainable rather than the plan's "AI-powered".
/// Fit (40 points) says whether the company is worth winning, intent (35) whether it needs us, and
/// engagement (25) whether it is talking to us now. Every factor has a cap, and the caps add up to 100,
/// so the score is 0-100 by construction. Each factor is rounded to cents first and the parts and the
/// score are sums of rounded factors, so the factors shown on the page add up exactly to the score.
/// There is no clock in here: <see cref="ScoringInputs.AsOf"/> is the "now" of the computation.
/// </summary>
public static partial class LeadScoringModel
{
    public const string Version = "lead-v1";

    public const string FortuneRankFactor = "fortune_rank";
    public const string AnnualRevenueFactor = "annual_revenue";
    public const string IndustryFitFactor = "industry_fit";
    public const string CompanySizeFactor = "company_size";
    public const string PainSeverityFactor = "pain_severity";
    public const string TechOverlapFactor = "tech_overlap";
    public const string SequenceRepliesFactor = "sequence_replies";
    public const string AbmEngagementFactor = "abm_engagement";

    // Fit: 15 + 10 + 8 + 7 = 40.
    public const decimal FortuneRankMax = 15m;
    public const decimal AnnualRevenueMax = 10m;
    public const decimal IndustryFitMax = 8m;
    public const decimal CompanySizeMax = 7m;

    // Intent: 20 + 15 = 35.
    public const decimal PainSeverityMax = 20m;
    public const decimal TechOverlapMax = 15m;

    // Engagement: 12 + 13 = 25.
    public const decimal SequenceRepliesMax = 12m;
    public const decimal AbmEngagementMax = 13m;

    /// <summary>Engagement halves in value every 30 days: an old reply says less about today's interest.</summary>
    public const double HalfLifeDays = 30;

    /// <summary>Industries our product is built for get full industry points; adjacent ones half.</summary>
    public static readonly IReadOnlyList<string> TargetIndustries =
        ["Banking", "Financial Services", "Insurance", "Healthcare", "Pharmaceuticals", "Technology", "Telecommunications", "Retail"];

    public static readonly IReadOnlyList<string> AdjacentIndustries =
        ["Energy", "Utilities", "Industrial Manufacturing", "Transportation", "Consumer Goods", "Automotive"];

    /// <summary>Platforms we ship connectors for: each one the prospect runs shortens the sale.</summary>
    public static readonly IReadOnlyList<string> IntegratedTechnologies =
        ["AWS", "Azure", "Snowflake", "Salesforce", "SAP", "ServiceNow", "Kubernetes", "Databricks", "Workday", "Oracle"];

    /// <summary>Points per integrated technology found (three or more earn the whole 15).</summary>
    public const decimal PointsPerTechnology = 5m;

    /// <summary>Each severity unit (1-5 per pain point) is worth 2 points, up to 10 units.</summary>
    public const decimal PointsPerSeverity = 2m;

    /// <summary>A pain point without a rating (legacy plain text, or no severity) counts as "low", not as nothing.</summary>
    public const int UnratedSeverity = 2;

    /// <summary>Points for a sequence reply on the day it came in (two fresh replies earn the whole 12).</summary>
    public const double PointsPerReply = 6;

    /// <summary>Points a touchpoint earns on the day it happened, by how far the contact went; other statuses earn nothing.</summary>
    public static readonly IReadOnlyDictionary<string, double> TouchpointPoints = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase)
    {
        ["opened"] = 1,
        ["clicked"] = 2,
        ["replied"] = 4,
        ["meeting"] = 6,
    };

    public static ScoreResult Score(ScoringInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);

        var fortuneRank = Points(FortuneRankPoints(inputs.FortuneRank), FortuneRankMax);
        var revenue = Points(RevenuePoints(inputs.AnnualRevenueUsd), AnnualRevenueMax);
        var industry = Points(IndustryPoints(inputs.Industry), IndustryFitMax);
        var size = Points(SizePoints(inputs.EmployeeCount), CompanySizeMax);
        var pain = Points(PainPoints(inputs.PainPoints), PainSeverityMax);
        var tech = Points(TechPoints(inputs.TechStack), TechOverlapMax);
        var replies = Points(DecayedSum(inputs.SequenceSteps, inputs.AsOf, s => IsStatus(s, SequenceStepStatus.Replied) ? PointsPerReply : 0), SequenceRepliesMax);
        var abm = Points(DecayedSum(inputs.Touchpoints, inputs.AsOf, s => TouchpointPoints.GetValueOrDefault(s.Trim())), AbmEngagementMax);

        var fit = fortuneRank + revenue + industry + size;
        var intent = pain + tech;
        var engagement = replies + abm;
        var factors = new Dictionary<string, decimal>
        {
            [FortuneRankFactor] = fortuneRank,
            [AnnualRevenueFactor] = revenue,
            [IndustryFitFactor] = industry,
            [CompanySizeFactor] = size,
            [PainSeverityFactor] = pain,
            [TechOverlapFactor] = tech,
            [SequenceRepliesFactor] = replies,
            [AbmEngagementFactor] = abm,
        };
        return new ScoreResult(fit + intent + engagement, fit, intent, engagement, factors, Version);
    }

    /// <summary>Rank 1 earns 15 points and each place lower a 500th less; no rank, or one outside the list, earns nothing.</summary>
    private static decimal FortuneRankPoints(int? rank) =>
        rank is >= 1 and <= 500 ? FortuneRankMax * (501 - rank.Value) / 500m : 0m;

    /// <summary>Bands rather than a curve so a seller can say why: the Fortune 500 floor is around $7 B.</summary>
    private static decimal RevenuePoints(decimal? usd) => usd switch
    {
        >= 100_000_000_000m => 10m,
        >= 50_000_000_000m => 8m,
        >= 20_000_000_000m => 6m,
        >= 10_000_000_000m => 4m,
        >= 5_000_000_000m => 2m,
        > 0m => 1m,
        _ => 0m,
    };

    private static decimal IndustryPoints(string? industry)
    {
        var name = industry?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            return 0m;
        }

        return TargetIndustries.Contains(name, StringComparer.OrdinalIgnoreCase) ? IndustryFitMax
            : AdjacentIndustries.Contains(name, StringComparer.OrdinalIgnoreCase) ? IndustryFitMax / 2
            : 0m;
    }

    private static decimal SizePoints(long? employees) => employees switch
    {
        >= 100_000 => 7m,
        >= 50_000 => 6m,
        >= 10_000 => 4m,
        >= 1_000 => 2m,
        > 0 => 1m,
        _ => 0m,
    };

    private static decimal PainPoints(IReadOnlyList<PainPoint>? pains)
    {
        if (pains is null)
        {
            return 0m;
        }

        var units = pains.Where(p => p is not null).Sum(p => p.Severity is { } s ? Math.Clamp(s, 1, 5) : UnratedSeverity);
        return PointsPerSeverity * units;
    }

    /// <summary>Distinct integrated technologies named as a whole word ("SAP S/4HANA" is SAP, "Sapient" is not).</summary>
    private static decimal TechPoints(IReadOnlyList<string>? stack)
    {
        if (stack is null)
        {
            return 0m;
        }

        var found = IntegratedTechnologies.Count(tech => stack.Any(entry => entry is not null && NamesTechnology(entry, tech)));
        return PointsPerTechnology * found;
    }

    private static bool NamesTechnology(string entry, string technology)
    {
        foreach (var word in WordPattern().EnumerateMatches(entry))
        {
            if (entry.AsSpan(word.Index, word.Length).Equals(technology, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Each event's points times 0.5^(age in days / 30). Undated events and events after <paramref name="asOf"/>
    /// earn nothing: the first cannot be aged, the second had not happened at the time being scored.
    /// </summary>
    private static decimal DecayedSum(IReadOnlyList<EngagementEvent>? events, DateTime asOf, Func<string, double> pointsFor)
    {
        if (events is null)
        {
            return 0m;
        }

        var total = 0d;
        foreach (var e in events)
        {
            if (e?.At is not { } at || at > asOf || e.Status is null)
            {
                continue;
            }

            total += pointsFor(e.Status) * Math.Pow(0.5, (asOf - at).TotalDays / HalfLifeDays);
        }

        return (decimal)total;
    }

    private static bool IsStatus(string status, string expected) => string.Equals(status.Trim(), expected, StringComparison.OrdinalIgnoreCase);

    /// <summary>Caps the factor, then rounds it to cents; the caps make the clamp to 0-100 hold for the sum too.</summary>
    private static decimal Points(decimal raw, decimal max) =>
        Rounding.HalfAwayFromZero(Math.Clamp(raw, 0m, max), 2);

    [GeneratedRegex("[A-Za-z0-9]+", RegexOptions.CultureInvariant)]
    private static partial Regex WordPattern();
}
