namespace Epic16.Domain.StoreMigration;

/// <summary>
/// The enumeration words of the legacy DDL comments, copied exactly; <see cref="LegacyValueParser.Enum"/>
/// accepts nothing else. Keep in step with Persistence/Legacy/*.sql.
/// </summary>
public static class LegacyEnums
{
    // epic16_fortune500_acquisition.db
    public static readonly IReadOnlyList<string> ProspectStatus =
        ["identified", "researching", "engaged", "qualified", "proposal", "negotiation", "converted", "lost"];

    public static readonly IReadOnlyList<string> BusinessCaseStatus = ["draft", "presented", "accepted", "rejected"];

    public static readonly IReadOnlyList<string> SequenceChannel = ["email", "linkedin", "call", "meeting", "direct_mail", "event"];

    public static readonly IReadOnlyList<string> SequenceStatus = ["scheduled", "sent", "replied", "bounced", "skipped"];

    /// <summary>prospects.decision_makers[].role (legacy-schema/README.md, JSON shapes).</summary>
    public static readonly IReadOnlyList<string> DecisionMakerRole =
        ["economic_buyer", "champion", "technical_buyer", "influencer", "blocker", "user"];

    // epic16_abm_campaigns.db
    public static readonly IReadOnlyList<string> CampaignTier = ["one_to_one", "one_to_few", "one_to_many"];

    public static readonly IReadOnlyList<string> CampaignStatus = ["planned", "active", "paused", "completed"];

    public static readonly IReadOnlyList<string> AssetType =
    [
        "whitepaper", "case_study", "roi_calculator", "webinar", "email_template",
        "one_pager", "video", "executive_brief", "demo", "benchmark_report",
    ];

    public static readonly IReadOnlyList<string> FunnelStage = ["awareness", "consideration", "decision"];

    public static readonly IReadOnlyList<string> TouchpointChannel = ["email", "linkedin", "direct_mail", "event", "ad", "call", "webinar"];

    public static readonly IReadOnlyList<string> TouchpointStatus =
        ["scheduled", "sent", "opened", "clicked", "replied", "meeting", "failed", "cancelled"];

    // epic16_enterprise_onboarding.db
    public static readonly IReadOnlyList<string> ClientStatus = ["kickoff", "implementation", "adoption", "live", "at_risk", "churned"];

    public static readonly IReadOnlyList<string> MilestoneStatus = ["pending", "in_progress", "done", "blocked"];

    public static readonly IReadOnlyList<string> RiskLevel = ["healthy", "watch", "at_risk", "critical"];

    public static readonly IReadOnlyList<string> CommunicationChannel = ["email", "call", "meeting", "qbr", "slack", "ticket"];

    public static readonly IReadOnlyList<string> CommunicationDirection = ["inbound", "outbound"];

    /// <summary>Every enumerated legacy column, keyed "table.column" with the legacy table name.</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> ByColumn = new Dictionary<string, IReadOnlyList<string>>
    {
        ["prospects.status"] = ProspectStatus,
        ["business_cases.status"] = BusinessCaseStatus,
        ["sales_sequences.channel"] = SequenceChannel,
        ["sales_sequences.status"] = SequenceStatus,
        ["campaigns.tier"] = CampaignTier,
        ["campaigns.status"] = CampaignStatus,
        ["content_assets.asset_type"] = AssetType,
        ["content_assets.funnel_stage"] = FunnelStage,
        ["touchpoints.channel"] = TouchpointChannel,
        ["touchpoints.status"] = TouchpointStatus,
        ["clients.status"] = ClientStatus,
        ["milestones.status"] = MilestoneStatus,
        ["health_metrics.risk_level"] = RiskLevel,
        ["communications.channel"] = CommunicationChannel,
        ["communications.direction"] = CommunicationDirection,
    };
}
