using System.Globalization;
using Epic16.Dashboard.Components.Shared;
using Epic16.Domain.Executive;
using Epic16.Domain.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace Epic16.Dashboard.Components.Pages.Executive;

/// <summary>The executive KPI cards and charts for a date range, owner and industry; every figure from <see cref="ExecutiveFiguresService"/>.</summary>
public sealed partial class ExecutivePage
{
    [Inject] private ExecutiveFiguresService Figures { get; set; } = default!;
    [Inject] private ICurrentUser CurrentUser { get; set; } = default!;
    [Inject] private IJSRuntime Js { get; set; } = default!;

    private ExecutiveView? _view;
    private string? _error;
    private string? _from;
    private string? _to;
    private string? _owner;
    private string? _industry;

    /// <summary>
    /// The unfiltered figures the prerender read, carried into the page and taken up by the interactive render (Blazor's
    /// persistent component state): the seven sections are read once per visit, not once for the HTML and again for the circuit.
    /// </summary>
    [PersistentState]
    public ExecutiveView? Prerendered { get; set; }

    protected override Task OnInitializedAsync()
    {
        _view = Prerendered;
        return _view is null ? ApplyAsync() : Task.CompletedTask;
    }

    private async Task ApplyAsync()
    {
        _error = null;
        if (!TryDate(_from, "From", out var from) || !TryDate(_to, "To", out var to))
        {
            return;
        }

        try
        {
            _view = await Figures.LoadAsync(CurrentUser, new ExecutiveFilter(from, to, Blank(_owner), Blank(_industry)));
            Prerendered ??= PrerenderState.IfSmall(_view);
        }
        catch (ExecutiveFilterException e)
        {
            _error = $"{e.Field}: {e.Message}";
        }
    }

    private bool TryDate(string? text, string field, out DateOnly? date)
    {
        date = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            date = parsed;
            return true;
        }

        _error = $"{field}: \"{text}\" is not a date; write it as YYYY-MM-DD.";
        return false;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private async Task DownloadCsvAsync()
    {
        if (_view is null)
        {
            return;
        }

        var rows = _view.Cards.Select(c => (Figure: c.Title, Series: "", Category: "", Value: c.Value, Note: c.Against ?? ""))
            .Concat(_view.Charts.SelectMany(chart => chart.Series.SelectMany(s => s.Values.Select((v, i) =>
                (Figure: chart.Title, Series: s.Name, Category: chart.Categories[i], Value: v.ToString(CultureInfo.InvariantCulture), Note: "")))));
        var csv = CsvFile.Write(rows, ("Figure", r => r.Figure), ("Series", r => r.Series), ("Category", r => r.Category), ("Value", r => r.Value), ("Note", r => r.Note));
        await Js.DownloadCsvAsync("executive-figures.csv", csv);
    }

    // Printed under the title, so a sheet says what it covers.
    private string PrintStamp => _view is not { Filter: var f } ? "" : string.Join(" · ", new[]
    {
        $"Prospects created {(f.From is { } a ? $"from {a:yyyy-MM-dd}" : "since the start")} {(f.To is { } b ? $"to {b:yyyy-MM-dd}" : "to date")}",
        f.Owner is null ? null : $"owner {f.Owner}",
        f.Industry is null ? null : $"industry {f.Industry}",
    }.Where(x => x is not null));

    private async Task PrintAsync() => await Js.InvokeVoidAsync("print");
}
