using Epic16.Domain.Abm.Campaigns;
using Epic16.Domain.Security;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Epic16.Dashboard.Components.Pages.Abm;

/// <summary>Create or edit a campaign; closes with the saved <see cref="CampaignDetail"/>.</summary>
public partial class CampaignFormDialog
{
    [CascadingParameter] private IMudDialogInstance Dialog { get; set; } = default!;
    [Inject] private AbmCampaigns Campaigns { get; set; } = default!;
    [Inject] private ICurrentUser CurrentUser { get; set; } = default!;

    /// <summary>The campaign to edit; null for a new one.</summary>
    [Parameter] public CampaignDetail? Campaign { get; set; }

    private string? _name, _owner, _search, _message;
    private string _tier = Domain.Abm.AbmVocabulary.TierOneToFew;
    private decimal? _budget;
    private DateTime? _start, _end;
    private IReadOnlyCollection<string> _channels = [];
    private List<TargetAccount> _targets = [];
    private IReadOnlyList<ProspectPick> _picks = [];
    private IReadOnlyDictionary<string, string> _errors = new Dictionary<string, string>();
    private bool _busy;

    protected override async Task OnInitializedAsync()
    {
        if (Campaign is { } c)
        {
            (_name, _tier, _budget, _owner) = (c.Name, c.Tier, c.BudgetUsd, c.Owner);
            (_start, _end) = (c.StartDate?.ToDateTime(TimeOnly.MinValue), c.EndDate?.ToDateTime(TimeOnly.MinValue));
            _channels = c.Channels;
            _targets = [.. c.Targets];
        }
        else
        {
            _owner = CurrentUser.Name;
        }

        await SearchAsync(null);
    }

    private bool Has(string field) => _errors.ContainsKey(field);

    private string? ErrorOf(string field) => _errors.GetValueOrDefault(field);

    private async Task SearchAsync(string? text)
    {
        _search = text;
        _picks = await Campaigns.SearchProspectsAsync(CurrentUser, text, [.. _targets.Select(t => t.ProspectId)], 12);
    }

    private void Add(ProspectPick pick)
    {
        _targets.Add(new TargetAccount(pick.Id, pick.Company, null, pick.EstimatedArrUsd));
        _picks = [.. _picks.Where(p => p.Id != pick.Id)];
    }

    private async Task SaveAsync()
    {
        _busy = true;
        _message = null;
        try
        {
            var input = new CampaignInput
            {
                Name = _name ?? "", Tier = _tier, TargetAccounts = [.. _targets.Select(t => t.ProspectId)], Channels = [.. _channels],
                BudgetUsd = _budget, StartDate = _start is { } s ? DateOnly.FromDateTime(s) : null, EndDate = _end is { } e ? DateOnly.FromDateTime(e) : null, Owner = _owner,
            };
            var saved = await Campaigns.SaveAsync(CurrentUser, Campaign?.Id, input, Campaign?.UpdatedAt);
            Dialog.Close(DialogResult.Ok(saved));
        }
        catch (CampaignValidationException e)
        {
            _errors = e.Errors;
            _message = "The campaign was not saved: fix the fields marked in red.";
        }
        catch (CampaignConcurrencyException e)
        {
            _message = e.Message;
        }
        finally
        {
            _busy = false;
        }
    }
}
