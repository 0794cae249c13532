namespace Epic16.Domain.Persistence;

/// <summary>The legacy file names, fixed by the legacy application.</summary>
public static class LegacyFileNames
{
    public const string Acquisition = "epic16_fortune500_acquisition.db";
    public const string Abm = "epic16_abm_campaigns.db";
    public const string Onboarding = "epic16_enterprise_onboarding.db";
}
