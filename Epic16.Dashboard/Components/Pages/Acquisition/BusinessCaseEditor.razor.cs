using Epic16.Domain.Acquisition;
using Epic16.Domain.Security;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using Epic16.Domain.Acquisition.BusinessCases;

namespace Epic16.Dashboard.Components.Pages.Acquisition;

/// <summary>Edits the prospect's current business case and moves its status (draft → presented → accepted | rejected).</summary>
public partial class BusinessCaseEditor
{
    [Inject] private BusinessCaseService Cases { get; set; } = default!;
    [Inject] private ICurrentUser CurrentUser { get; set; } = default!;

    [Parameter, EditorRequired] public long ProspectId { get; set; }

    /// <summary>Told after a save or a status move, so the page can refresh what depends on the case.</summary>
    [Parameter] public EventCallback<BusinessCaseView?> Changed { get; set; }

    private BusinessCaseView? _case;
    private string? _title;
    private decimal? _investment;
    private decimal? _benefit;
    private int? _horizon = BusinessCaseService.DefaultHorizonYears;
    private decimal? _ratePercent = BusinessCaseService.DefaultDiscountRate * 100;
    private RoiResult? _figures;
    private IReadOnlyDictionary<string, string> _errors = new Dictionary<string, string>();
    private bool _touched;
    private bool _busy;
    private string? _message;
    private Severity _messageSeverity = Severity.Info;

    private bool Editable => _case is null || _case.IsEditable;

    private BusinessCaseInput Input => new()
    {
        Title = _title ?? "", InvestmentUsd = _investment, AnnualBenefitUsd = _benefit, HorizonYears = _horizon,
        DiscountRate = _ratePercent is { } p ? p / 100m : null,
    };

    private string Payback => _figures is null ? "—" : _figures.PaybackMonths is { } months ? $"{months:0.#} months" : "not within the horizon";

    private string PvLine => _figures is null ? "—" : $"{StageNames.Money(_figures.PresentValueBenefits)} / {StageNames.Money(_figures.PresentValueCosts)}";

    private Color StatusColor => _case?.Status switch
    {
        BusinessCaseStatus.Accepted => Color.Success,
        BusinessCaseStatus.Rejected => Color.Error,
        BusinessCaseStatus.Presented => Color.Warning,
        _ => Color.Default,
    };

    protected override async Task OnParametersSetAsync()
    {
        Show(await Cases.CurrentAsync(CurrentUser, ProspectId));
    }

    private void Show(BusinessCaseView? businessCase)
    {
        _case = businessCase;
        if (businessCase is not null)
        {
            (_title, _investment, _benefit, _horizon, _ratePercent) =
                (businessCase.Title, businessCase.InvestmentUsd, businessCase.AnnualBenefitUsd, businessCase.HorizonYears, businessCase.DiscountRate * 100);
        }

        _touched = businessCase is not null;
        Recompute();
    }

    // Every keystroke: the figures follow valid input; messages appear once the user has typed or tried to save.
    private void Set(Action assign)
    {
        assign();
        _touched = true;
        Recompute();
    }

    private void Recompute()
    {
        var problems = BusinessCaseValidator.Validate(Input);
        _errors = _touched ? problems.GroupBy(p => p.Field).ToDictionary(g => g.Key, g => string.Join(" ", g.Select(p => p.Message))) : new Dictionary<string, string>();
        _figures = problems.Count == 0 ? BusinessCaseValidator.FiguresOf(Input) : null;
    }

    private bool Has(string field) => _errors.ContainsKey(field);

    private string? ErrorOf(string field) => _errors.GetValueOrDefault(field);

    private async Task SaveAsync()
    {
        _touched = true;
        Recompute();
        if (_errors.Count > 0)
        {
            Say("Fix the fields marked in red; nothing was saved.", Severity.Error);
            return;
        }

        await RunAsync(async () =>
        {
            var saved = await Cases.SaveAsync(CurrentUser, ProspectId, _case?.Id, Input, _case?.UpdatedAt);
            Show(saved);
            Say("Business case saved.", Severity.Success);
            await Changed.InvokeAsync(saved);
        });
    }

    private async Task MoveAsync(string to) => await RunAsync(async () =>
    {
        var result = await Cases.MoveStatusAsync(CurrentUser, _case!.Id, to, _case.UpdatedAt);
        var current = await Cases.CurrentAsync(CurrentUser, ProspectId);
        Show(current);
        Say(result.Allowed ? $"The business case is {to}." : result.Why!, result.Allowed ? Severity.Success : Severity.Warning);
        await Changed.InvokeAsync(current);
    });

    private void StartNew()
    {
        _case = null;
        _title = null;
        _touched = false;
        Recompute();
    }

    private async Task RunAsync(Func<Task> action)
    {
        _busy = true;
        try
        {
            await action();
        }
        catch (BusinessCaseValidationException e)
        {
            _errors = e.Errors;
            Say("Fix the fields marked in red; nothing was saved.", Severity.Error);
        }
        catch (BusinessCaseConcurrencyException e)
        {
            Say(e.Message, Severity.Warning);
        }
        finally
        {
            _busy = false;
        }
    }

    private void Say(string message, Severity severity) => (_message, _messageSeverity) = (message, severity);

    private static string MoveLabel(string to) => to switch
    {
        BusinessCaseStatus.Presented => "Mark presented",
        BusinessCaseStatus.Accepted => "Customer accepted",
        BusinessCaseStatus.Rejected => "Customer rejected",
        BusinessCaseStatus.Draft => "Back to draft",
        _ => to,
    };
}
