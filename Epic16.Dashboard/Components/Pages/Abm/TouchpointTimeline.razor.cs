using Epic16.Dashboard.Components.Charts;
using Epic16.Domain.Abm.Performance;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace Epic16.Dashboard.Components.Pages.Abm;

/// <summary>
/// The timeline chart (an ApexCharts range bar from the same ApexCharts.js the shared chart component loads) with its table
/// view and pager. Its data is one page of accounts from <see cref="CampaignReportService"/>, never the campaign's whole touch list.
/// </summary>
public sealed partial class TouchpointTimeline
{
    internal const string ModulePath = "./Components/Pages/Abm/TouchpointTimeline.razor.js";

    [Inject] private IJSRuntime Js { get; set; } = default!;
    [Inject] private ILogger<TouchpointTimeline> Logger { get; set; } = default!;

    [Parameter, EditorRequired] public TimelinePage Page { get; set; } = default!;

    /// <summary>Whether touches can be edited (the Edit buttons, and clicks on the chart).</summary>
    [Parameter] public bool CanEdit { get; set; }

    [Parameter] public EventCallback<long> OnTouchSelected { get; set; }

    [Parameter] public EventCallback<int> OnPageChanged { get; set; }

    private readonly string _id = $"timeline-{Guid.NewGuid():N}";
    private ElementReference _host;
    private IJSObjectReference? _module;
    private DotNetObjectReference<TouchpointTimeline>? _self;
    private TimelineChartModel _model = new(160, []);
    private string? _shown;
    private string _wanted = "";
    private bool _table;
    private bool _failed;

    private Dictionary<long, string> Labels { get; set; } = [];

    private IEnumerable<string> Statuses => Domain.Abm.AbmVocabulary.TouchpointStatuses.Where(s => Page.Touches.Any(t => t.Status == s));

    private int FirstAccount => Page.TotalAccounts == 0 ? 0 : ((Page.Page - 1) * Page.PageSize) + 1;

    private int LastAccount => Math.Min(Page.Page * Page.PageSize, Page.TotalAccounts);

    protected override void OnParametersSet()
    {
        Labels = Page.Accounts.ToDictionary(a => a.ProspectId, a => a.Label);
        _model = TimelineChartModel.Build(Page);
        _wanted = _model.ToJson();
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        try
        {
            if (firstRender)
            {
                _self = DotNetObjectReference.Create(this);
                _module = await Js.InvokeAsync<IJSObjectReference>("import", ModulePath);
                await _module.InvokeVoidAsync("create", _host, _id, Assets[ApexChart.ScriptPath], _wanted, _self, CanEdit);
                _shown = _wanted;
            }
            else if (_module is not null && _shown != _wanted)
            {
                _shown = _wanted;
                await _module.InvokeVoidAsync("update", _id, _wanted);
            }
        }
        catch (JSException e)
        {
            Logger.LogWarning(e, "The touchpoint timeline could not be drawn");
            _failed = true;
            StateHasChanged();
        }
    }

    /// <summary>Called by the chart when a touch is clicked.</summary>
    [JSInvokable]
    public Task SelectTouch(long touchId) =>
        CanEdit && Page.Touches.Any(t => t.Id == touchId) ? OnTouchSelected.InvokeAsync(touchId) : Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_module is not null)
            {
                await _module.InvokeVoidAsync("destroy", _id);
                await _module.DisposeAsync();
            }
        }
        catch (JSDisconnectedException)
        {
            // The circuit is gone, and the chart with it.
        }

        _self?.Dispose();
    }
}
