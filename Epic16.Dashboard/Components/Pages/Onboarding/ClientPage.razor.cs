using Epic16.Domain.Onboarding;
using Epic16.Domain.Onboarding.Clients;
using Epic16.Domain.Onboarding.Escalations;
using Epic16.Domain.Onboarding.Health;
using Epic16.Domain.Onboarding.Plans;
using Epic16.Domain.Onboarding.Templates;
using Epic16.Domain.Security;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Epic16.Dashboard.Components.Pages.Onboarding;

public sealed partial class ClientPage
{
    [Inject] private MilestonePlans Plans { get; set; } = default!;
    [Inject] private OnboardingClients Clients { get; set; } = default!;
    [Inject] private ClientHealth HealthService { get; set; } = default!;
    [Inject] private SuccessTemplates Templates { get; set; } = default!;
    [Inject] private LegacyScoreVariance VarianceService { get; set; } = default!;
    [Inject] private EscalationQueue Escalations { get; set; } = default!;
    [Inject] private ICurrentUser CurrentUser { get; set; } = default!;

    [Parameter] public long Id { get; set; }

    private PlanView? _plan;
    private ClientHealthView? _health;
    private LegacyScoreRow? _variance;
    private IReadOnlyList<TemplateView> _templates = [];
    private IReadOnlyList<EscalationView> _escalations = [];
    private bool _canWrite;
    private bool _missing;
    private string? _message;
    private Severity _severity;

    protected override async Task OnParametersSetAsync()
    {
        _canWrite = OnboardingAccess.CanWrite(CurrentUser);
        await ReloadAsync();
    }

    private async Task ReloadAsync()
    {
        try
        {
            _plan = await Plans.GetAsync(CurrentUser, Id);
        }
        catch (KeyNotFoundException)
        {
            _missing = true;
            return;
        }

        _health = await HealthService.LoadAsync(CurrentUser, Id);
        _variance = (await VarianceService.PerClientAsync(CurrentUser, Id)).FirstOrDefault();
        _escalations = await Escalations.QueueAsync(CurrentUser, includeResolved: true, clientId: Id);
        _templates = _canWrite && _plan.Projection.Milestones.Count == 0 ? await Templates.ListAsync(CurrentUser) : [];
    }

    private async Task MoveAsync(string target)
    {
        var result = await Clients.MoveStatusAsync(CurrentUser, Id, target);
        (_message, _severity) = result.Allowed ? ($"Moved to {OnboardingNames.Status(target)}.", Severity.Success) : (result.Why, Severity.Warning);
        await ReloadAsync();
    }
}
