using Epic16.Dashboard.Components.Charts;
using Epic16.Domain.Onboarding;
using Epic16.Domain.Onboarding.Health;
using Epic16.Domain.Security;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Epic16.Dashboard.Components.Pages.Onboarding;

public sealed partial class ClientHealthPanel
{
    [Inject] private HealthInputs Inputs { get; set; } = default!;
    [Inject] private ICurrentUser CurrentUser { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    [Parameter, EditorRequired] public long ClientId { get; set; }
    [Parameter, EditorRequired] public ClientHealthView Health { get; set; } = default!;
    [Parameter] public LegacyScoreRow? Variance { get; set; }
    [Parameter] public bool CanWrite { get; set; }
    [Parameter] public EventCallback Changed { get; set; }

    private readonly HealthInput _input = new();
    private IReadOnlyDictionary<string, string> _errors = new Dictionary<string, string>();
    private bool _asTable;

    private static readonly ApexChartOptions Chart = new(ApexChartType.Line)
    {
        Height = 300, FileName = "client-health-history", Colors = ["#1f4e8c", "#00897b", "#f9a825", "#c62828", "#8e24aa", "#546e7a"],
    };

    private IReadOnlyList<ChartSeries> Series =>
    [
        new("Health score", [.. Health.History.Select(p => ChartPoint.On(p.Day, p.Score))]),
        .. HealthComponents.All.Select(c => new ChartSeries(HealthComponents.Label(c),
            [.. Health.History.Select(p => ChartPoint.On(p.Day, p.Components.FirstOrDefault(x => x.Component == c)?.Score))])),
    ];

    private bool Has(string field) => _errors.ContainsKey(field);

    private string? ErrorOf(string field) => _errors.GetValueOrDefault(field);

    private async Task SaveInputAsync()
    {
        try
        {
            await Inputs.RecordAsync(CurrentUser, ClientId, OnboardingClock.Today(Clock), _input);
            _errors = new Dictionary<string, string>();
            Snackbar.Add("Inputs saved; the score below includes them.", Severity.Success);
            await Changed.InvokeAsync();
        }
        catch (OnboardingValidationException e)
        {
            _errors = e.Errors;
        }
    }
}
