namespace Epic16.Domain.Abm;

/// <summary>The words the ABM tables allow (from the legacy DDL).</summary>
public static class AbmVocabulary
{
    public const string TierOneToFew = "one_to_few";
    public const string StatusPlanned = "planned";

    public static readonly IReadOnlyList<string> Tiers = ["one_to_one", "one_to_few", "one_to_many"];
    public static readonly IReadOnlyList<string> CampaignStatuses = ["planned", "active", "paused", "completed"];
    public static readonly IReadOnlyList<string> AssetTypes =
        ["whitepaper", "case_study", "roi_calculator", "webinar", "email_template", "one_pager", "video", "executive_brief", "demo", "benchmark_report"];
    public static readonly IReadOnlyList<string> FunnelStages = ["awareness", "consideration", "decision"];
    public static readonly IReadOnlyList<string> TouchpointChannels = ["email", "linkedin", "direct_mail", "event", "ad", "call", "webinar"];
    public static readonly IReadOnlyList<string> TouchpointStatuses = ["scheduled", "sent", "opened", "clicked", "replied", "meeting", "failed", "cancelled"];
}
