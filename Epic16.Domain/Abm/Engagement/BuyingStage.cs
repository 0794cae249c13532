namespace Epic16.Domain.Abm.Engagement;

/// <summary>Where an account is in its buying journey, in order.</summary>
public static class BuyingStage
{
    public const string Target = "target";
    public const string Aware = "aware";
    public const string Engaged = "engaged";
    public const string Mqa = "MQA";
    public const string Opportunity = "opportunity";
    public const string Customer = "customer";

    public static readonly IReadOnlyList<string> All = [Target, Aware, Engaged, Mqa, Opportunity, Customer];
}
