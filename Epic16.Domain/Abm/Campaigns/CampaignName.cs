namespace Epic16.Domain.Abm.Campaigns;

/// <summary>A campaign as a figure over campaigns names it: its id and name.</summary>
public sealed record CampaignName(long Id, string Name);
