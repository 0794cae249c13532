namespace Epic16.Domain.Acquisition.Prospects;

public static class ProspectStatus
{
    public const string Identified = "identified";
    public const string Researching = "researching";
    public const string Engaged = "engaged";
    public const string Qualified = "qualified";
    public const string Proposal = "proposal";
    public const string Negotiation = "negotiation";
    public const string Converted = "converted";
    public const string Lost = "lost";

    public static readonly IReadOnlyList<string> All = [Identified, Researching, Engaged, Qualified, Proposal, Negotiation, Converted, Lost];
}
