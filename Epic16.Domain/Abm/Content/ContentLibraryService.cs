using Epic16.Domain.Common;
using Epic16.Domain.Abm.Performance;
using Epic16.Domain.Abm.Touchpoints;
using Epic16.Domain.Acquisition;
using Epic16.Domain.Persistence;
using Epic16.Domain.Security;
using Microsoft.EntityFrameworkCore;

namespace Epic16.Domain.Abm.Content;

/// <summary>The content library: the assets with their usage, filtered; add and edit; activate and deactivate (an inactive asset cannot be planned).</summary>
public sealed class ContentLibraryService(IStoreRouter router, TimeProvider clock)
{
    public async Task<IReadOnlyList<ContentAssetCard>> ListAsync(ICurrentUser user, ContentQuery query, CancellationToken ct = default)
    {
        AbmAccess.DemandRead(user);
        await using var db = await router.CreateContextAsync(ct);
        // The library is small (hundreds): filtered here, where legacy spellings of type and funnel stage are already folded.
        var text = query.Search?.Trim();
        var assets = (await db.ContentAssets.AsNoTracking().ToListAsync(ct))
            .Where(a => string.IsNullOrEmpty(text) || a.Title.Contains(text, StringComparison.OrdinalIgnoreCase) || (a.Persona?.Contains(text, StringComparison.OrdinalIgnoreCase) ?? false))
            .Where(a => string.IsNullOrEmpty(query.AssetType) || a.AssetType == query.AssetType)
            .Where(a => string.IsNullOrEmpty(query.Persona) || string.Equals(a.Persona, query.Persona, StringComparison.OrdinalIgnoreCase))
            .Where(a => string.IsNullOrEmpty(query.FunnelStage) || a.FunnelStage == query.FunnelStage)
            .Where(a => query.Active is not { } active || a.IsActive == active)
            .OrderBy(a => a.Title, StringComparer.OrdinalIgnoreCase).ThenBy(a => a.Id)
            .ToList();
        var ids = assets.Select(a => a.Id).ToList();
        var usage = await Usage(db, ids).ToListAsync(ct);
        return [.. assets.Select(a =>
        {
            var mine = usage.Where(u => u.AssetId == a.Id).ToList();
            var delivered = mine.Where(u => TouchpointStatuses.IsDelivered(u.Status)).Sum(u => u.Count);
            var engaged = mine.Where(u => TouchpointStatuses.IsEngaged(u.Status)).Sum(u => u.Count);
            return new ContentAssetCard(a.Id, a.Title, a.AssetType, a.Persona, a.FunnelStage, a.Url,
                a.Metadata is null ? [] : [.. a.Metadata.Select(m => $"{m.Key}: {m.Value?.ToJsonString() ?? "null"}")], a.IsActive, a.CreatedAt,
                mine.Sum(u => u.Count), delivered, engaged, CampaignFigureMath.Percent(engaged, delivered),
                mine.Where(u => u.Status == TouchpointStatuses.Meeting).Sum(u => u.Count));
        })];
    }

    /// <summary>How many touches use each asset, by status: on PostgreSQL read from ix_abm_touchpoints_asset_id_status alone.</summary>
    internal static IQueryable<AssetUsage> Usage(Epic16Context db, List<long> assetIds) =>
        db.Touchpoints.AsNoTracking().Where(t => t.AssetId != null && assetIds.Contains(t.AssetId.Value))
            .GroupBy(t => new { t.AssetId, t.Status }).Select(g => new AssetUsage(g.Key.AssetId!.Value, g.Key.Status, g.Count()));

    internal sealed record AssetUsage(long AssetId, string Status, int Count);

    /// <summary>The personas in use, for the filter.</summary>
    public async Task<IReadOnlyList<string>> PersonasAsync(ICurrentUser user, CancellationToken ct = default)
    {
        AbmAccess.DemandRead(user);
        await using var db = await router.CreateContextAsync(ct);
        var personas = await db.ContentAssets.AsNoTracking().Where(a => a.Persona != null).Select(a => a.Persona!).Distinct().ToListAsync(ct);
        return [.. personas.Order(StringComparer.OrdinalIgnoreCase)];
    }

    public async Task SetActiveAsync(ICurrentUser user, long assetId, bool active, CancellationToken ct = default)
    {
        AbmAccess.DemandWrite(user);
        await using var db = await router.CreateContextAsync(ct);
        var asset = await db.ContentAssets.SingleOrDefaultAsync(a => a.Id == assetId, ct) ?? throw new KeyNotFoundException($"There is no content asset with id {assetId}.");
        if (asset.IsActive != active)
        {
            asset.IsActive = active;
            await db.SaveChangesAsync(ct);
        }
    }

    /// <summary>Adds an asset (<paramref name="assetId"/> null) or edits one; invalid input throws <see cref="ContentAssetValidationException"/>.</summary>
    public async Task<long> SaveAsync(ICurrentUser user, long? assetId, ContentAssetInput input, CancellationToken ct = default)
    {
        AbmAccess.DemandWrite(user);
        var problems = new List<ValidationProblem>();
        if (string.IsNullOrWhiteSpace(input.Title))
        {
            problems.Add(new(nameof(ContentAssetInput.Title), "The title is required."));
        }

        if (!AbmVocabulary.AssetTypes.Contains(input.AssetType))
        {
            problems.Add(new(nameof(ContentAssetInput.AssetType), $"Pick the asset type: one of {string.Join(", ", AbmVocabulary.AssetTypes)}."));
        }

        if (!string.IsNullOrEmpty(input.FunnelStage) && !AbmVocabulary.FunnelStages.Contains(input.FunnelStage))
        {
            problems.Add(new(nameof(ContentAssetInput.FunnelStage), $"The funnel stage is one of {string.Join(", ", AbmVocabulary.FunnelStages)}."));
        }

        if (!string.IsNullOrWhiteSpace(input.Url) && !(Uri.TryCreate(input.Url.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
        {
            problems.Add(new(nameof(ContentAssetInput.Url), "The URL must be a full http:// or https:// address."));
        }

        if (problems.Count > 0)
        {
            throw new ContentAssetValidationException(problems);
        }

        await using var db = await router.CreateContextAsync(ct);
        ContentAsset asset;
        if (assetId is null)
        {
            asset = new ContentAsset { IsActive = true, CreatedAt = clock.UtcNowMicroseconds() };
            db.ContentAssets.Add(asset);
        }
        else
        {
            asset = await db.ContentAssets.SingleOrDefaultAsync(a => a.Id == assetId, ct) ?? throw new KeyNotFoundException($"There is no content asset with id {assetId}.");
        }

        asset.Title = input.Title.Trim();
        asset.AssetType = input.AssetType;
        asset.Persona = string.IsNullOrWhiteSpace(input.Persona) ? null : input.Persona.Trim();
        asset.FunnelStage = string.IsNullOrEmpty(input.FunnelStage) ? null : input.FunnelStage;
        asset.Url = string.IsNullOrWhiteSpace(input.Url) ? null : input.Url.Trim();
        await db.SaveChangesAsync(ct);
        return asset.Id;
    }
}
