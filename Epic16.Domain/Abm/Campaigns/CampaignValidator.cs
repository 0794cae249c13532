using Epic16.Domain.Acquisition;

namespace Epic16.Domain.Abm.Campaigns;

/// <summary>The campaign form's rules; each problem names its field. Whether the target accounts exist is checked against the store.</summary>
public static class CampaignValidator
{
    public const int MaxNameLength = 200;
    public const int MaxTargets = 5_000;

    public static IReadOnlyList<ValidationProblem> Validate(CampaignInput input)
    {
        var problems = new List<ValidationProblem>();
        if (string.IsNullOrWhiteSpace(input.Name))
        {
            problems.Add(new(nameof(CampaignInput.Name), "The campaign name is required."));
        }
        else if (input.Name.Trim().Length > MaxNameLength)
        {
            problems.Add(new(nameof(CampaignInput.Name), $"The campaign name is longer than {MaxNameLength} characters."));
        }

        if (!AbmVocabulary.Tiers.Contains(input.Tier))
        {
            problems.Add(new(nameof(CampaignInput.Tier), $"\"{input.Tier}\" is not a tier; use one of {string.Join(", ", AbmVocabulary.Tiers)}."));
        }

        if (input.TargetAccounts.Count == 0)
        {
            problems.Add(new(nameof(CampaignInput.TargetAccounts), "Pick at least one target account."));
        }
        else if (input.TargetAccounts.Count > MaxTargets)
        {
            problems.Add(new(nameof(CampaignInput.TargetAccounts), $"A campaign targets at most {MaxTargets:N0} accounts."));
        }

        var unknown = input.Channels.Where(c => !AbmVocabulary.TouchpointChannels.Contains(c)).ToList();
        if (unknown.Count > 0)
        {
            problems.Add(new(nameof(CampaignInput.Channels), $"Unknown channel {string.Join(", ", unknown)}; use {string.Join(", ", AbmVocabulary.TouchpointChannels)}."));
        }

        if (input.BudgetUsd is < 0)
        {
            problems.Add(new(nameof(CampaignInput.BudgetUsd), "The budget cannot be below zero."));
        }
        else if (input.BudgetUsd is > 999_999_999_999.99m)
        {
            problems.Add(new(nameof(CampaignInput.BudgetUsd), "The budget is too large."));
        }

        if (input.StartDate is { } start && input.EndDate is { } end && end < start)
        {
            problems.Add(new(nameof(CampaignInput.EndDate), $"The end date {end:yyyy-MM-dd} is before the start date {start:yyyy-MM-dd}."));
        }

        if (input.Owner is { Length: > 200 })
        {
            problems.Add(new(nameof(CampaignInput.Owner), "The owner is longer than 200 characters."));
        }

        return problems;
    }
}
