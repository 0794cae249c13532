using System.Text.Json.Nodes;

namespace Epic16.Domain.DemoData;

/// <summary>One planned lead_scoring snapshot; the prospect's lead_score is the latest one.</summary>
internal sealed record DemoScore(DateTime ScoredAt, double Score, double Fit, double Intent, double Engagement, JsonObject Factors, string ModelVersion);
