using Epic16.Domain.Abm.Attribution;
using Epic16.Domain.Abm.Campaigns;

namespace Epic16.Domain.Abm.Performance;

/// <summary>Everything the campaign page shows on opening: the campaign, its figures, attribution, the first timeline page and heat map.</summary>
public sealed record CampaignDashboard(CampaignDetail Campaign, CampaignFigures Figures, AttributionReport Attribution, TimelinePage Timeline, HeatMap HeatMap);
