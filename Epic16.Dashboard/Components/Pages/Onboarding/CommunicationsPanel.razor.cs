using Epic16.Dashboard.Components.Shared;
using Epic16.Domain.Onboarding;
using Epic16.Domain.Onboarding.Communications;
using Epic16.Domain.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace Epic16.Dashboard.Components.Pages.Onboarding;

public sealed partial class CommunicationsPanel
{
    [Inject] private CommunicationLog Log { get; set; } = default!;
    [Inject] private ICurrentUser CurrentUser { get; set; } = default!;
    [Inject] private IJSRuntime Js { get; set; } = default!;

    [Parameter, EditorRequired] public long ClientId { get; set; }
    [Parameter] public bool CanWrite { get; set; }
    [Parameter] public EventCallback Changed { get; set; }

    private IReadOnlyList<CommunicationRow> _rows = [];
    private string? _channel;
    private string? _direction;
    private string? _author;
    private DateTime? _from;
    private DateTime? _to;
    private CommunicationInput _new = new();
    private IReadOnlyDictionary<string, string> _errors = new Dictionary<string, string>();

    protected override async Task OnParametersSetAsync() => await LoadAsync();

    private CommunicationQuery Query => new(ClientId, _channel, _direction, _author,
        _from is { } f ? DateOnly.FromDateTime(f) : null, _to is { } t ? DateOnly.FromDateTime(t) : null);

    private async Task LoadAsync() => _rows = await Log.ListAsync(CurrentUser, Query);

    private async Task FilterAsync(Action set)
    {
        set();
        await LoadAsync();
    }

    private async Task RecordAsync()
    {
        try
        {
            await Log.RecordAsync(CurrentUser, ClientId, _new);
            (_new, _errors) = (new CommunicationInput(), new Dictionary<string, string>());
            await LoadAsync();
            await Changed.InvokeAsync();
        }
        catch (OnboardingValidationException e)
        {
            _errors = e.Errors;
        }
    }

    private async Task CsvAsync() => await Js.DownloadCsvAsync($"communications-client-{ClientId}.csv", CsvFile.Write(_rows,
        ("occurred_at", r => r.OccurredAt), ("channel", r => r.Channel), ("direction", r => r.Direction), ("subject", r => r.Subject),
        ("summary", r => r.Summary), ("author", r => r.Author)));
}
