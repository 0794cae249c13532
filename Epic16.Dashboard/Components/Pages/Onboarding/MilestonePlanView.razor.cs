using System.Globalization;
using Epic16.Domain.Onboarding;
using Epic16.Domain.Onboarding.Plans;
using Epic16.Domain.Onboarding.Templates;
using Epic16.Domain.Security;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Epic16.Dashboard.Components.Pages.Onboarding;

/// <summary>The plan's timeline and its actions; every refusal from the service is shown as its message.</summary>
public sealed partial class MilestonePlanView
{
    [Inject] private MilestonePlans Plans { get; set; } = default!;
    [Inject] private SuccessTemplates TemplateService { get; set; } = default!;
    [Inject] private ICurrentUser CurrentUser { get; set; } = default!;

    [Parameter, EditorRequired] public long ClientId { get; set; }
    [Parameter, EditorRequired] public PlanProjection Plan { get; set; } = default!;
    [Parameter] public IReadOnlyList<TemplateView> Templates { get; set; } = [];
    [Parameter] public bool CanWrite { get; set; }
    [Parameter] public EventCallback Changed { get; set; }

    private long? _templateId;
    private bool _asTable;
    private bool _busy;
    private string? _message;
    private Severity _severity = Severity.Info;
    private long? _editing;
    private DateTime? _newDue;
    private DueDatePreview? _preview;

    private string DependencyNames(ProjectedMilestone m) => string.Join(", ", m.DependsOn.Select(id => Plan.Find(id)?.Name ?? $"#{id}"));

    private static string StatusText(ProjectedMilestone m) =>
        m.Blocked && m.WaitingFor.Count > 0 ? $"Blocked: waits for {string.Join(", ", m.WaitingFor)}" : OnboardingNames.Status(m.Status);

    private static Color StatusColor(ProjectedMilestone m) => m.Done ? Color.Success : m.Blocked ? Color.Warning : m.Status == "in_progress" ? Color.Info : Color.Default;

    private DateOnly First => new[] { Plan.Milestones.Min(m => m.Due ?? m.Projected), Plan.Milestones.Min(m => m.Projected) }.Min();

    private DateOnly Last => new[] { Plan.ProjectedGoLive ?? Plan.Today, Plan.GoLiveTarget ?? Plan.Today, Plan.Milestones.Max(m => m.Due ?? m.Projected) }.Max();

    private string Position(DateOnly day)
    {
        var span = Math.Max(1, Last.DayNumber - First.DayNumber);
        return (100.0 * (day.DayNumber - First.DayNumber) / span).ToString("0.##", CultureInfo.InvariantCulture);
    }

    private string BarStyle(ProjectedMilestone m)
    {
        var start = m.Due is { } due && due < m.Projected ? due : m.Projected;
        var left = Position(start);
        var width = Math.Max(1.2, double.Parse(Position(m.Projected), CultureInfo.InvariantCulture) - double.Parse(left, CultureInfo.InvariantCulture));
        var colour = m.Done ? "var(--mud-palette-success)" : m.OnCriticalPath ? "var(--mud-palette-primary)" : m.Blocked ? "var(--mud-palette-warning)" : "var(--mud-palette-info)";
        return $"position: absolute; left: {left}%; width: {width.ToString("0.##", CultureInfo.InvariantCulture)}%; top: 2px; height: 10px; border-radius: 3px; background: {colour}";
    }

    private Task ApplyAsync() => RunAsync(async () =>
    {
        var count = await TemplateService.ApplyAsync(CurrentUser, _templateId!.Value, ClientId);
        return $"Applied: {count} milestones created.";
    });

    private Task StartAsync(ProjectedMilestone m) => RunAsync(async () =>
    {
        await Plans.StartAsync(CurrentUser, m.Id);
        return $"Started \"{m.Name}\".";
    });

    private Task CompleteAsync(ProjectedMilestone m) => RunAsync(async () =>
    {
        await Plans.CompleteAsync(CurrentUser, m.Id);
        return $"Completed \"{m.Name}\".";
    });

    private void EditDue(ProjectedMilestone m)
    {
        _editing = m.Id;
        _newDue = m.Due?.ToDateTime(TimeOnly.MinValue);
        _preview = null;
    }

    private void CancelDue() => (_editing, _preview) = (null, null);

    private async Task PreviewAsync()
    {
        try
        {
            _preview = await Plans.PreviewDueDateAsync(CurrentUser, _editing!.Value, DateOnly.FromDateTime(_newDue!.Value));
        }
        catch (OnboardingValidationException e)
        {
            (_message, _severity, _preview) = (string.Join(" ", e.Errors.Values), Severity.Warning, null);
        }
    }

    private Task SaveDueAsync() => RunAsync(async () =>
    {
        var saved = await Plans.SaveDueDateAsync(CurrentUser, _editing!.Value, DateOnly.FromDateTime(_newDue!.Value));
        (_editing, _preview) = (null, null);
        return $"Due date saved; projected go-live {OnboardingNames.Day(saved.GoLiveAfter)}.";
    });

    private async Task RunAsync(Func<Task<string>> action)
    {
        _busy = true;
        try
        {
            (_message, _severity) = (await action(), Severity.Success);
            await Changed.InvokeAsync();
        }
        catch (OnboardingValidationException e)
        {
            (_message, _severity) = (string.Join(" ", e.Errors.Values), Severity.Warning);
        }
        catch (AccessDeniedException e)
        {
            (_message, _severity) = (e.Message, Severity.Error);
        }
        finally
        {
            _busy = false;
        }
    }
}
