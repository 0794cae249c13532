namespace Epic16.Domain.Acquisition.Prospects;

public static class DecisionMakerRole
{
    public const string EconomicBuyer = "economic_buyer";
    public const string Champion = "champion";
    public const string TechnicalBuyer = "technical_buyer";
    public const string Influencer = "influencer";
    public const string Blocker = "blocker";
    public const string User = "user";

    public static readonly IReadOnlyList<string> All = [EconomicBuyer, Champion, TechnicalBuyer, Influencer, Blocker, User];
}
