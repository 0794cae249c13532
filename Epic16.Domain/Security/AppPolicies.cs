namespace Epic16.Domain.Security;

/// <summary>Authorization policies, named for what they allow, with the roles that hold each.</summary>
public static class AppPolicies
{
    public const string WorkPipeline = nameof(WorkPipeline);
    public const string RunCampaigns = nameof(RunCampaigns);
    public const string ViewCampaigns = nameof(ViewCampaigns);
    public const string ManageOnboarding = nameof(ManageOnboarding);
    public const string ViewOnboarding = nameof(ViewOnboarding);
    public const string ViewExecutiveReports = nameof(ViewExecutiveReports);
    public const string RunMigration = nameof(RunMigration);
    public const string ManageUsers = nameof(ManageUsers);

    public static readonly IReadOnlyDictionary<string, string[]> Roles = new Dictionary<string, string[]>
    {
        [WorkPipeline] = [AppRoles.Sales, AppRoles.Admin],
        [RunCampaigns] = [AppRoles.Sales, AppRoles.Admin],
        [ViewCampaigns] = [AppRoles.Sales, AppRoles.Admin, AppRoles.Executive],
        [ManageOnboarding] = [AppRoles.CustomerSuccess, AppRoles.Admin],
        [ViewOnboarding] = [AppRoles.CustomerSuccess, AppRoles.Executive, AppRoles.Admin],
        [ViewExecutiveReports] = [AppRoles.Executive, AppRoles.Admin],
        [RunMigration] = [AppRoles.Admin],
        [ManageUsers] = [AppRoles.Admin],
    };
}
