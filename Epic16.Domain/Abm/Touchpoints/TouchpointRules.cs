using Epic16.Domain.Acquisition;
using Epic16.Domain.Common;
using Epic16.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Epic16.Domain.Abm.Touchpoints;

/// <summary>The checks every touch shares, planned or added one by one: an open campaign, a known channel, active assets.</summary>
internal static class TouchpointRules
{
    internal static async Task<Campaign?> CampaignAsync(Epic16Context db, long campaignId, List<ValidationProblem> problems, CancellationToken ct)
    {
        var campaign = await db.Campaigns.AsNoTracking().SingleOrDefaultAsync(c => c.Id == campaignId, ct);
        if (campaign is null)
        {
            problems.Add(new("CampaignId", $"There is no campaign with id {campaignId}."));
        }
        else if (campaign.Status == Campaigns.CampaignStatuses.Completed)
        {
            problems.Add(new("CampaignId", $"\"{campaign.Name}\" is completed; a completed campaign takes no new touches."));
        }

        return campaign;
    }

    internal static void CheckChannel(string channel, string field, List<ValidationProblem> problems)
    {
        if (!AbmVocabulary.TouchpointChannels.Contains(channel))
        {
            problems.Add(new(field, $"\"{channel}\" is not a channel; use one of {string.Join(", ", AbmVocabulary.TouchpointChannels)}."));
        }
    }

    // Every asset named must exist and be active; returns the titles of those that are fine.
    internal static async Task<Dictionary<long, string>> CheckAssetsAsync(
        Epic16Context db, IReadOnlyList<(long? Id, string Field)> uses, List<ValidationProblem> problems, CancellationToken ct)
    {
        var ids = uses.Where(u => u.Id is not null).Select(u => u.Id!.Value).Distinct().ToList();
        var assets = await db.ContentAssets.AsNoTracking().Where(a => ids.Contains(a.Id))
            .Select(a => new { a.Id, a.Title, a.IsActive }).ToDictionaryAsync(a => a.Id, ct);
        foreach (var (id, field) in uses.Where(u => u.Id is not null))
        {
            if (!assets.TryGetValue(id!.Value, out var asset))
            {
                problems.Add(new(field, $"There is no content asset with id {id}."));
            }
            else if (!asset.IsActive)
            {
                problems.Add(new(field, $"\"{asset.Title}\" is inactive; activate it in the content library or pick another asset."));
            }
        }

        return assets.Values.Where(a => a.IsActive).ToDictionary(a => a.Id, a => a.Title);
    }

    internal static void ThrowIfAny(List<ValidationProblem> problems)
    {
        if (problems.Count > 0)
        {
            throw new TouchpointValidationException(problems);
        }
    }
}
