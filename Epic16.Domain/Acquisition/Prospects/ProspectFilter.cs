using System.Linq.Expressions;
using Epic16.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Epic16.Domain.Acquisition.Prospects;

/// <summary>
/// The grid's and the kanban's filters, sort orders and rows, translated to SQL so that the database filters, sorts and
/// pages. Both stores give the same rows in the same order: text is compared byte by byte (SQLite's BINARY, PostgreSQL's
/// "C" collation, which is code-point order for UTF-8 on both), empty values come after the others in either direction,
/// and the id breaks ties so pages never overlap.
/// </summary>
internal static class ProspectFilter
{
    public static readonly Expression<Func<Prospect, ProspectRow>> Row = p =>
        new ProspectRow(p.Id, p.CompanyName, p.FortuneRank, p.Industry, p.Status, p.Owner, p.LeadScore, p.EstimatedArrUsd, p.CreatedAt, p.UpdatedAt);

    /// <summary>True when <see cref="Apply"/> (without the stage) would keep every prospect: no search and no filter.</summary>
    public static bool KeepsAll(ProspectQuery query) =>
        string.IsNullOrWhiteSpace(query.Search) && string.IsNullOrWhiteSpace(query.Owner) && string.IsNullOrWhiteSpace(query.Industry)
        && query.MinScore is null && query.MaxScore is null;

    public static IQueryable<Prospect> Apply(IQueryable<Prospect> prospects, ProspectQuery query, bool withStage = true)
    {
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            // lower(column) LIKE '%text%' on both stores (lower() folds only ASCII on SQLite; PostgreSQL folds all of Unicode),
            // so PostgreSQL's trigram indexes on lower(company_name), lower(industry) and lower(owner) serve it; % and _ typed
            // in the search are literal. A null industry or owner matches nothing.
            var pattern = "%" + LikePattern.Escape(query.Search.Trim().ToLowerInvariant()) + "%";
            prospects = prospects.Where(p => EF.Functions.Like(p.CompanyName.ToLower(), pattern, LikePattern.EscapeCharacter)
                || EF.Functions.Like(p.Industry!.ToLower(), pattern, LikePattern.EscapeCharacter)
                || EF.Functions.Like(p.Owner!.ToLower(), pattern, LikePattern.EscapeCharacter));
        }

        if (withStage && !string.IsNullOrWhiteSpace(query.Stage))
        {
            prospects = prospects.Where(p => LegacyEnum.Word(p.Status) == query.Stage);
        }

        if (!string.IsNullOrWhiteSpace(query.Owner))
        {
            // Exact values (the pages offer the stored ones), so the owner and industry indexes serve the filter.
            var owner = query.Owner.Trim();
            prospects = prospects.Where(p => p.Owner == owner);
        }

        if (!string.IsNullOrWhiteSpace(query.Industry))
        {
            var industry = query.Industry.Trim();
            prospects = prospects.Where(p => p.Industry == industry);
        }

        if (query.MinScore is { } min)
        {
            prospects = prospects.Where(p => p.LeadScore >= min);
        }

        if (query.MaxScore is { } max)
        {
            prospects = prospects.Where(p => p.LeadScore <= max);
        }

        return prospects;
    }

    /// <summary>
    /// One page of <paramref name="filtered"/> in the query's order. A sort on a column that may be empty reads the rows
    /// with a value (ordered by it, an index can serve) and then the empty ones (ordered by id), so no SQL needs
    /// "NULLS LAST", which the two stores spell and default differently.
    /// </summary>
    public static async Task<PagedResult<ProspectRow>> PageAsync(Epic16Context db, IQueryable<Prospect> filtered, ProspectQuery query, int maxPageSize, CancellationToken ct)
    {
        var pageSize = Math.Clamp(query.PageSize, 1, maxPageSize);
        var page = Math.Max(query.Page, 1);
        var skip = (page - 1) * pageSize;
        var descending = query.Descending;

        if (query.SortBy == ProspectSortField.Company)
        {
            var total = await filtered.CountAsync(ct);
            var byName = db.Store == StoreKind.Postgres
                ? (descending ? filtered.OrderByDescending(p => EF.Functions.Collate(p.CompanyName, "C")) : filtered.OrderBy(p => EF.Functions.Collate(p.CompanyName, "C")))
                : (descending ? filtered.OrderByDescending(p => p.CompanyName) : filtered.OrderBy(p => p.CompanyName));
            var items = await byName.ThenBy(p => p.Id).Skip(skip).Take(pageSize).Select(Row).ToListAsync(ct);
            return new PagedResult<ProspectRow>(items, total, page, pageSize);
        }

        var (empty, ordered, emptyOrdered) = query.SortBy switch
        {
            ProspectSortField.Rank => Split(filtered, p => p.FortuneRank, p => p.Id, descending),
            ProspectSortField.Score => Split(filtered, p => p.LeadScore, p => p.Id, descending),
            ProspectSortField.Arr => Split(filtered, p => p.EstimatedArrUsd, p => p.Id, descending),
            // Never-edited legacy rows have no updated_at: they come after the edited ones, newest created first when descending.
            ProspectSortField.Updated => Split(filtered, p => p.UpdatedAt, p => p.CreatedAt, descending),
            _ => throw new ArgumentOutOfRangeException(nameof(query), query.SortBy, "Unknown sort field."),
        };

        // The empty ones are few and an index on the sort column finds them (PostgreSQL indexes NULLs).
        var totalCount = await filtered.CountAsync(ct);
        var valuedCount = totalCount - await empty.CountAsync(ct);
        var rows = new List<ProspectRow>(pageSize);
        if (skip < valuedCount)
        {
            rows.AddRange(await ordered.Skip(skip).Take(pageSize).Select(Row).ToListAsync(ct));
        }

        if (rows.Count < pageSize && skip + rows.Count < totalCount)
        {
            rows.AddRange(await emptyOrdered.Skip(Math.Max(0, skip - valuedCount)).Take(pageSize - rows.Count).Select(Row).ToListAsync(ct));
        }

        return new PagedResult<ProspectRow>(rows, totalCount, page, pageSize);
    }

    private static (IQueryable<Prospect> Empty, IQueryable<Prospect> Ordered, IQueryable<Prospect> EmptyOrdered) Split<TKey, TThen>(
        IQueryable<Prospect> filtered, Expression<Func<Prospect, TKey?>> key, Expression<Func<Prospect, TThen>> emptyKey, bool descending)
    {
        var hasValue = Expression.Lambda<Func<Prospect, bool>>(Expression.NotEqual(key.Body, Expression.Constant(null, key.Body.Type)), key.Parameters);
        var hasNone = Expression.Lambda<Func<Prospect, bool>>(Expression.Equal(key.Body, Expression.Constant(null, key.Body.Type)), key.Parameters);
        var valued = filtered.Where(hasValue);
        var empty = filtered.Where(hasNone);
        var ordered = (descending ? valued.OrderByDescending(key) : valued.OrderBy(key)).ThenBy(p => p.Id);
        var emptyOrdered = typeof(TThen) == typeof(long)
            ? empty.OrderBy(p => p.Id)
            : (descending ? empty.OrderByDescending(emptyKey) : empty.OrderBy(emptyKey)).ThenBy(p => p.Id);
        return (empty, ordered, emptyOrdered);
    }
}
