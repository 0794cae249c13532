using Epic16.Domain.Abm.Content;
using Epic16.Domain.Abm.Touchpoints;
using Epic16.Domain.Security;
using Microsoft.AspNetCore.Components;

namespace Epic16.Dashboard.Components.Pages.Abm;

/// <summary>The cadence planner: a preview first, then one all-or-nothing save through <see cref="AbmTouchpoints"/>.</summary>
public sealed partial class CadencePlanner
{
    [Inject] private AbmTouchpoints Touchpoints { get; set; } = default!;
    [Inject] private ICurrentUser CurrentUser { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;

    [Parameter, EditorRequired] public long CampaignId { get; set; }

    /// <summary>The active assets a step can carry.</summary>
    [Parameter] public IReadOnlyList<ContentAssetCard> ContentAssets { get; set; } = [];

    /// <summary>Raised with the number of touches created.</summary>
    [Parameter] public EventCallback<int> OnPlanned { get; set; }

    private readonly List<StepForm> _steps = [new("email", 0), new("linkedin", 3), new("call", 7)];
    private DateTime? _start;
    private int _hour = 9;
    private CadencePreview? _preview;
    private IReadOnlyDictionary<string, string> _errors = new Dictionary<string, string>();
    private string? _message;
    private bool _busy;

    protected override void OnInitialized() => _start = Clock.GetUtcNow().UtcDateTime.Date.AddDays(1);

    private bool Has(string field) => _errors.ContainsKey(field);

    private string? ErrorOf(string field) => _errors.GetValueOrDefault(field);

    private void AddStep()
    {
        _steps.Add(new(_steps[^1].Channel, _steps[^1].DayOffset + 3));
        _preview = null;
    }

    private void Remove(int index)
    {
        _steps.RemoveAt(index);
        _preview = null;
    }

    private CadencePlanInput Plan() => new()
    {
        StartAt = _start is { } day ? DateTime.SpecifyKind(day.Date.AddHours(Math.Clamp(_hour, 0, 23)), DateTimeKind.Utc) : null,
        Steps = [.. _steps.Select(s => new CadenceStepInput(s.Channel, s.AssetId, s.DayOffset))],
    };

    private Task PreviewAsync() => RunAsync(async () => _preview = await Touchpoints.PreviewCadenceAsync(CurrentUser, CampaignId, Plan()));

    private Task PlanAsync() => RunAsync(async () =>
    {
        var created = await Touchpoints.PlanCadenceAsync(CurrentUser, CampaignId, Plan());
        _preview = null;
        await OnPlanned.InvokeAsync(created);
    });

    private async Task RunAsync(Func<Task> action)
    {
        _busy = true;
        _message = null;
        _errors = new Dictionary<string, string>();
        try
        {
            await action();
        }
        catch (TouchpointValidationException e)
        {
            _errors = e.Errors;
            _preview = null;
            _message = "Nothing was planned: " + string.Join(" ", e.Problems.Select(p => p.Message));
        }
        finally
        {
            _busy = false;
        }
    }

    private sealed class StepForm(string channel, int dayOffset)
    {
        public string Channel { get; set; } = channel;

        public long? AssetId { get; set; }

        public int DayOffset { get; set; } = dayOffset;
    }
}
