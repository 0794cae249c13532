using System.Text.Json;
using System.Text.Json.Nodes;
using Epic16.Domain.Abm;
using Epic16.Domain.Acquisition;
using Epic16.Domain.Onboarding;
using Epic16.Domain.Acquisition.BusinessCases;
using Epic16.Domain.Acquisition.Conversion;
using Epic16.Domain.Acquisition.Prospects;
using Epic16.Domain.Acquisition.RoiTracking;
using Epic16.Domain.Acquisition.Scoring;
using Epic16.Domain.Acquisition.Sequences;

namespace Epic16.Tests.Persistence;

/// <summary>One row per table with the awkward values: Unicode, markup, cents, microseconds, NULL beside empty lists.</summary>
public static class SampleEntities
{
    public static readonly DateTime At = new DateTime(2025, 10, 8, 14, 3, 22, DateTimeKind.Utc).AddTicks(1_234_560);

    public static Prospect Prospect(string company = "Zürich Ünited <b>Re</b> & \"Co\" 株式会社 🚀") => new()
    {
        CompanyName = company,
        FortuneRank = 42,
        Industry = "Insurance",
        Headquarters = "Zürich",
        AnnualRevenueUsd = 1_234_567_890.13m,
        EmployeeCount = 55_000,
        Website = "https://example.test/?a=1&b=<2>",
        Status = ProspectStatus.Qualified,
        LeadScore = 87.35m,
        EstimatedArrUsd = 480_000.05m,
        DecisionMakers =
        [
            new DecisionMaker { Name = "Ana Ruiz", Title = "CFO", Email = "ana@example.test", Role = DecisionMakerRole.EconomicBuyer, Influence = 5 },
            new DecisionMaker
            {
                Name = "O'Brien 李", Title = "VP Eng", Email = null, Role = DecisionMakerRole.Champion, Influence = 4, Linkedin = "in/obrien",
                Extra = new() { ["primary"] = JsonDocument.Parse("true").RootElement.Clone() },
            },
        ],
        TechStack = [],
        PainPoints = [PainPoint.Plain("Manual <script>alert(1)</script> reconciliation"), new PainPoint { Area = "Security", Severity = 4, Description = "Audit gaps" }],
        Owner = "sales@epic16.demo",
        Notes = "Line one\nLine two — with em dash",
        CreatedAt = At,
        UpdatedAt = null,
    };

    public static LeadScore LeadScore(long prospectId) => new()
    {
        ProspectId = prospectId, Score = 77.5m, FitScore = 80m, IntentScore = 70.25m, EngagementScore = null,
        Factors = new() { ["fortune_rank"] = 12.5m, ["tech_overlap"] = 8m }, ModelVersion = "lead-2.0", ScoredAt = At,
    };

    public static BusinessCase BusinessCase(long prospectId) => new()
    {
        ProspectId = prospectId, Title = "Platform consolidation", InvestmentUsd = 1_672_201m, AnnualBenefitUsd = 2_882_447.61m,
        HorizonYears = 3, DiscountRate = 0.0825m, RoiPercent = 329m, PaybackMonths = 6.75m, NpvUsd = 5_496_170m,
        Assumptions = JsonNode.Parse("""{"seats": 1200, "note": "from the <CFO>", "nested": {"a": [1, 2.5, null]}}""")!.AsObject(),
        Status = BusinessCaseStatus.Accepted, CreatedAt = At, UpdatedAt = At.AddDays(1),
    };

    public static SequenceStep SequenceStep(long prospectId) => new()
    {
        ProspectId = prospectId, SequenceName = "Exec outreach", StepNumber = 2, Channel = "linkedin", Subject = "Ré: next steps",
        ScheduledAt = At.AddDays(3), SentAt = null, Status = SequenceStepStatus.Scheduled, Response = null, CreatedAt = At,
    };

    public static RoiEntry RoiEntry(long prospectId, long? caseId) => new()
    {
        ProspectId = prospectId, BusinessCaseId = caseId, Period = "2025-10", InvestedUsd = 12_500.10m, RealizedValueUsd = 0.01m, RecordedAt = At,
    };

    public static CrmConversion CrmConversion(long prospectId) => new()
    {
        ProspectId = prospectId, DecisionMakerEmail = "ana@example.test", CrmContactId = 9001, ConvertedBy = "sales@epic16.demo", ConvertedAt = At,
    };

    public static Campaign Campaign(long prospectId) => new()
    {
        Name = "Q4 insurers", Tier = "one_to_few", Status = "active", TargetAccounts = [prospectId], Channels = ["email", "event"],
        BudgetUsd = 75_000m, StartDate = new DateOnly(2025, 10, 1), EndDate = new DateOnly(2025, 12, 31), Owner = "marketing@epic16.demo", CreatedAt = At,
    };

    public static ContentAsset ContentAsset() => new()
    {
        Title = "TEI study", AssetType = "roi_calculator", Persona = "CFO", FunnelStage = "decision", Url = "https://example.test/tei",
        Metadata = JsonNode.Parse("""{"pages": 12, "gated": true}""")!.AsObject(), IsActive = false, CreatedAt = At,
    };

    public static Touchpoint Touchpoint(long campaignId, long prospectId, long? assetId) => new()
    {
        CampaignId = campaignId, ProspectId = prospectId, AssetId = assetId, Channel = "webinar", ScheduledAt = At, ExecutedAt = At.AddHours(2),
        Status = "meeting", EngagementScore = 66.67m, Notes = "Asked about <SSO> & SCIM",
    };

    public static CampaignPerformance Performance(long campaignId) => new()
    {
        CampaignId = campaignId, MetricDate = new DateOnly(2025, 10, 9), Impressions = 12_000, Clicks = 340, Engagements = 51, MeetingsBooked = 2,
        PipelineInfluencedUsd = 250_000.5m, CostUsd = 1_234.56m,
    };

    public static SuccessTemplate Template() => new()
    {
        Name = "Fortune 500 standard", Segment = "Fortune 500 standard", Description = "Standard plan",
        Milestones =
        [
            new TemplateMilestone { Key = "kickoff", Name = "Kickoff", OffsetDays = 0 },
            new TemplateMilestone { Key = "sso", Name = "SSO live", OffsetDays = 21, DependsOn = ["kickoff"] },
        ],
        CreatedAt = At,
    };

    public static OnboardingClient Client(long? prospectId, long templateId) => new()
    {
        CompanyName = "Zürich Ünited Re", ProspectId = prospectId, TemplateId = templateId, ContractValueUsd = 480_000.05m,
        StartDate = new DateOnly(2025, 11, 1), GoLiveTarget = new DateOnly(2026, 2, 1), CsmOwner = "success@epic16.demo", Status = "implementation", CreatedAt = At,
    };

    public static Milestone Milestone(long clientId, List<long>? dependsOn) => new()
    {
        ClientId = clientId, Name = "SSO live", Description = "SAML with <Okta>", SortOrder = 2, DueDate = new DateOnly(2025, 11, 22),
        CompletedAt = null, Status = "in_progress", DependsOn = dependsOn,
    };

    public static HealthMetric Health(long clientId) => new()
    {
        ClientId = clientId, MetricDate = new DateOnly(2025, 11, 20), ProductUsage = 54.5m, SupportTickets = 3, Nps = -20, Engagement = 61m,
        MilestoneProgress = 33.33m, HealthScore = 58.1m, RiskLevel = "watch",
    };

    public static Communication Communication(long clientId) => new()
    {
        ClientId = clientId, Channel = "qbr", Direction = "inbound", Subject = "QBR — «résumé»", Summary = "Happy 😀 but <b>blocked</b>",
        Author = "success@epic16.demo", OccurredAt = At,
    };
}
