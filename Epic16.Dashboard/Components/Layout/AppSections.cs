using Epic16.Domain.Security;
using MudBlazor;

namespace Epic16.Dashboard.Components.Layout;

/// <summary>The catalogue the drawer and the home tiles are drawn from, so the two never disagree.</summary>
public static class AppSections
{
    public static readonly IReadOnlyList<AppSection> All =
    [
        new("Pipeline", "/acquisition/pipeline", Icons.Material.Filled.ViewKanban, AppPolicies.WorkPipeline,
            "Fortune 500 prospects by stage: drag a card to move it, with counts, totals and weighted value."),
        new("Prospects", "/acquisition/prospects", Icons.Material.Filled.Business, AppPolicies.WorkPipeline,
            "Search, sort and export every prospect; open one for its committee, scores and business case."),
        new("Epic 7 CRM", "/crm", Icons.Material.Filled.Contacts, AppPolicies.WorkPipeline,
            "The CRM contacts converted prospects become, and the open pipeline Epic 16 must protect."),
        new("ABM campaigns", "/abm/campaigns", Icons.Material.Filled.Campaign, AppPolicies.ViewCampaigns,
            "Account-based campaigns: targets, cadences, the touchpoint timeline, engagement, attribution and cost per meeting."),
        new("Content library", "/abm/content", Icons.Material.Filled.LibraryBooks, AppPolicies.ViewCampaigns,
            "Whitepapers, case studies, ROI calculators and more, with how often each was used and what it led to."),
        new("Touchpoints", "/abm/touchpoints", Icons.Material.Filled.Timeline, AppPolicies.ViewCampaigns,
            "Every campaign touch: filter, reschedule several at once, export."),
        new("Onboarding health", "/onboarding", Icons.Material.Filled.HealthAndSafety, AppPolicies.ViewOnboarding,
            "Every onboarding client's health by band, with trend, milestone plans, go-live projections and escalations."),
        new("Escalations", "/onboarding/escalations", Icons.Material.Filled.NotificationImportant, AppPolicies.ViewOnboarding,
            "Clients that need attention, yours first: acknowledge and resolve with a note."),
        new("Success templates", "/onboarding/templates", Icons.Material.Filled.AccountTree, AppPolicies.ViewOnboarding,
            "The success-plan templates a client's milestone plan is made from."),
        new("Executive view", "/executive", Icons.Material.Filled.Insights, AppPolicies.ViewExecutiveReports,
            "KPI cards with their definitions, pipeline, ROI, campaign and client-health charts, filters, CSV and a printable summary."),
        new("Migration", "/admin/migration", Icons.Material.Filled.CompareArrows, AppPolicies.RunMigration,
            "Copy the legacy SQLite stores into PostgreSQL, validate parity, repair quarantined rows."),
        new("Migration status", "/admin/migration/status", Icons.Material.Filled.MonitorHeart, AppPolicies.RunMigration,
            "Store mode, dual-write health, latency, rollback triggers; cut over and roll back."),
        new("Users & roles", "/admin/users", Icons.Material.Filled.ManageAccounts, AppPolicies.ManageUsers,
            "Create accounts, grant roles, unlock users."),
    ];
}
