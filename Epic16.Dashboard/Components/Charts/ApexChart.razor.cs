using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace Epic16.Dashboard.Components.Charts;

/// <summary>
/// An ApexCharts.js chart (wwwroot/lib/apexcharts 4.7.0, restored from npm at build) with what a reader without sight
/// needs: an accessible name, a text summary and a "show as table" switch with the same figures. The JS side is told only
/// what changed: nothing when the serialised options and series are the same, <c>updateSeries</c> when only the data changed.
/// </summary>
public sealed partial class ApexChart
{
    internal const string ModulePath = "./Components/Charts/ApexChart.razor.js";
    internal const string ScriptPath = "lib/apexcharts/apexcharts.min.js";

    [Inject] private IJSRuntime Js { get; set; } = default!;
    [Inject] private ILogger<ApexChart> Logger { get; set; } = default!;

    private readonly string _id = $"chart-{Guid.NewGuid():N}";
    private ElementReference _host;
    private IJSObjectReference? _module;
    private ApexChartJson? _wanted;
    private ApexChartJson? _shown;
    private bool _syncing;
    private bool _failed;
    private bool _showTable;
    private ChartTable _table = default!;

    [Parameter, EditorRequired]
    public ApexChartOptions Options { get; set; } = default!;

    [Parameter, EditorRequired]
    public IReadOnlyList<ChartSeries> Series { get; set; } = [];

    /// <summary>The accessible name; <see cref="ApexChartOptions.Title"/> when not given.</summary>
    [Parameter]
    public string? AriaLabel { get; set; }

    /// <summary>Other attributes for the chart's container, e.g. <c>data-testid</c>.</summary>
    [Parameter(CaptureUnmatchedValues = true)]
    public IReadOnlyDictionary<string, object>? Attributes { get; set; }

    /// <summary>A short text summary of what the chart shows; written from the figures (<see cref="ChartSummary"/>) when not given.</summary>
    [Parameter]
    public string? Summary { get; set; }

    private string AccessibleName => AriaLabel ?? Options.Title ?? "Chart";

    private string SummaryId => $"{_id}-summary";

    private string SummaryText => Summary ?? ChartSummary.Describe(Options, Series ?? []);

    // A chart that cannot be drawn shows its figures instead.
    private bool TableShown => _showTable || _failed;

    protected override void OnParametersSet()
    {
        ArgumentNullException.ThrowIfNull(Options);
        _wanted = ApexChartConfig.Build(Options, Series ?? []);
        _table = ChartTable.From(Options, Series ?? []);
    }

    private Task ShowTableAsync(bool show)
    {
        _showTable = show;
        return Task.CompletedTask;
    }

    private async Task DownloadAsync(string kind)
    {
        if (_module is null)
        {
            return;
        }

        try
        {
            await _module.InvokeAsync<bool>("download", _id, kind, Options.FileName ?? AccessibleName);
        }
        catch (JSException e)
        {
            Logger.LogWarning(e, "Chart {Chart} could not be downloaded as {Kind}", AccessibleName, kind);
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (_syncing)
        {
            return; // the running sync sends the latest JSON when its call returns
        }

        _syncing = true;
        try
        {
            if (firstRender)
            {
                // First render on every circuit, a new one after a reconnect included: the chart is created afresh.
                _module = await Js.InvokeAsync<IJSObjectReference>("import", ModulePath);
                var first = _wanted!;
                await _module.InvokeVoidAsync("create", _host, _id, Assets[ScriptPath], first.Options, first.Series);
                _shown = first;
            }

            // A parent re-render with equal JSON calls nothing: ApexCharts would redraw (and flicker) on every render otherwise.
            while (_module is not null && _shown is not null && _wanted is { } wanted && wanted != _shown)
            {
                var optionsChanged = wanted.Options != _shown.Options;
                await _module.InvokeVoidAsync("update", _id, optionsChanged ? wanted.Options : null, wanted.Series);
                _shown = wanted;
            }
        }
        catch (JSException e)
        {
            // A chart that cannot be drawn must not end the user's circuit: say so in place and log why.
            Logger.LogWarning(e, "Chart {Chart} could not be drawn", AccessibleName);
            _failed = true;
            StateHasChanged();
        }
        finally
        {
            _syncing = false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_module is null)
        {
            return;
        }

        try
        {
            await _module.InvokeVoidAsync("destroy", _id);
            await _module.DisposeAsync();
        }
        catch (JSDisconnectedException)
        {
            // The circuit is gone and the page with it: there is nothing left to destroy.
        }
    }
}
