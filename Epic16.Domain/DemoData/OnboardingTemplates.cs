namespace Epic16.Domain.DemoData;

/// <summary>The three legacy success-plan templates, one per segment; their milestones form a dependency graph.</summary>
internal static class OnboardingTemplates
{
    public static readonly DemoTemplate[] All =
    [
        new("Fortune 100 white-glove", "Fortune 100", "Dedicated CSM, executive sponsor reviews, phased global roll-out.",
        [
            ("kickoff", "Executive kickoff", 0, []),
            ("security", "Security & compliance review", 14, ["kickoff"]),
            ("sso", "SSO and SCIM provisioning", 21, ["security"]),
            ("data", "Data migration (wave 1)", 35, ["security"]),
            ("integrations", "CRM & ERP integrations", 45, ["sso", "data"]),
            ("pilot", "Pilot with two business units", 60, ["integrations"]),
            ("training", "Train-the-trainer programme", 70, ["pilot"]),
            ("rollout", "Global roll-out", 95, ["pilot", "training"]),
            ("qbr", "First executive QBR", 120, ["rollout"]),
            ("renewal", "Value review for renewal", 300, ["qbr"]),
        ]),
        new("Regulated enterprise", "Fortune 500 regulated", "Adds audit evidence, data-residency sign-off and a validation step for regulated industries.",
        [
            ("kickoff", "Kickoff & success criteria", 0, []),
            ("dpa", "DPA and data-residency sign-off", 10, ["kickoff"]),
            ("security", "Security questionnaire & pen-test report", 20, ["dpa"]),
            ("sso", "SSO configuration", 25, ["security"]),
            ("validation", "Computer-system validation (IQ/OQ)", 45, ["sso"]),
            ("golive", "Go-live", 60, ["validation"]),
            ("audit", "Audit evidence pack", 75, ["golive"]),
            ("qbr", "First QBR", 100, ["golive"]),
        ]),
        new("Standard enterprise", "Fortune 500 standard", "A 45-day plan for a single business unit.",
        [
            ("kickoff", "Kickoff", 0, []),
            ("sso", "SSO configuration", 7, ["kickoff"]),
            ("import", "Data import", 14, ["kickoff"]),
            ("training", "Admin & user training", 21, ["sso", "import"]),
            ("golive", "Go-live", 30, ["training"]),
            ("adoption", "Adoption check (60% active seats)", 45, ["golive"]),
        ]),
    ];
}
