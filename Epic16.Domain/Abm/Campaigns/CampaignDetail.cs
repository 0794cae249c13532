namespace Epic16.Domain.Abm.Campaigns;

/// <summary>A campaign as the campaign page and its edit form read it.</summary>
public sealed record CampaignDetail(
    long Id, string Name, string Tier, string Status, IReadOnlyList<TargetAccount> Targets, IReadOnlyList<string> Channels,
    decimal? BudgetUsd, DateOnly? StartDate, DateOnly? EndDate, string? Owner, DateTime CreatedAt, DateTime? UpdatedAt,
    IReadOnlyList<string> NextStatuses)
{
    public CampaignInput ToInput() => new()
    {
        Name = Name, Tier = Tier, TargetAccounts = [.. Targets.Select(t => t.ProspectId)], Channels = Channels,
        BudgetUsd = BudgetUsd, StartDate = StartDate, EndDate = EndDate, Owner = Owner,
    };
}
