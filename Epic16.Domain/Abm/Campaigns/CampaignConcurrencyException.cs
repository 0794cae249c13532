namespace Epic16.Domain.Abm.Campaigns;

public sealed class CampaignConcurrencyException(string message) : Exception(message);
