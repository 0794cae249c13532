using System.Text;
using Epic16.Dashboard.Components.Shared;
using Epic16.Domain.Acquisition.Prospects;
using Epic16.Domain.Security;

namespace Epic16.Dashboard.Hosting;

/// <summary>
/// CSV downloads as plain HTTP responses, written row by row as they are read: an export of up to 100k rows no longer
/// travels as one big string over the Blazor circuit. The grid's export link carries its filters and sort in the query.
/// </summary>
public static class ExportEndpoints
{
    public const string ProspectsPath = "/acquisition/prospects/export.csv";

    public static readonly IReadOnlyList<(string Header, Func<ProspectRow, object?> Value)> ProspectColumns =
    [
        ("id", r => r.Id), ("company_name", r => r.CompanyName), ("fortune_rank", r => r.FortuneRank), ("industry", r => r.Industry),
        ("stage", r => r.Status), ("owner", r => r.Owner), ("lead_score", r => r.LeadScore), ("estimated_arr_usd", r => r.EstimatedArrUsd),
        ("created_at", r => r.CreatedAt), ("updated_at", r => r.UpdatedAt),
    ];

    public static IEndpointRouteBuilder MapExports(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(ProspectsPath, ProspectsAsync).RequireAuthorization(AppPolicies.WorkPipeline);
        return endpoints;
    }

    /// <summary>The export link for the grid's current filters and sort.</summary>
    public static string ProspectsHref(ProspectQuery query)
    {
        var parameters = new Dictionary<string, string?>
        {
            ["search"] = query.Search, ["stage"] = query.Stage, ["owner"] = query.Owner, ["industry"] = query.Industry,
            ["minScore"] = query.MinScore?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["maxScore"] = query.MaxScore?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["sortBy"] = query.SortBy.ToString(), ["desc"] = query.Descending ? "true" : null,
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(ProspectsPath, parameters.Where(p => !string.IsNullOrEmpty(p.Value)));
    }

    private static async Task ProspectsAsync(HttpContext http, ProspectService prospects, ICurrentUser user,
        string? search, string? stage, string? owner, string? industry, decimal? minScore, decimal? maxScore, string? sortBy, bool? desc)
    {
        var query = new ProspectQuery
        {
            Search = search, Stage = stage, Owner = owner, Industry = industry, MinScore = minScore, MaxScore = maxScore,
            SortBy = Enum.TryParse<ProspectSortField>(sortBy, ignoreCase: true, out var field) ? field : ProspectSortField.Company,
            Descending = desc ?? false,
        };
        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = "attachment; filename=\"prospects.csv\"";
        http.Response.Headers.CacheControl = "no-store";
        await using var writer = new StreamWriter(http.Response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 64 * 1024);
        await CsvFile.WriteAsync(writer, prospects.StreamProspectsAsync(user, query, ct: http.RequestAborted), ProspectColumns, http.RequestAborted);
        await writer.FlushAsync(http.RequestAborted);
    }
}
