using System.Text.RegularExpressions;

namespace Epic16.Domain.Acquisition.Prospects;

/// <summary>The form rules that need no database; uniqueness of the company name is checked by the service.</summary>
public static partial class ProspectValidator
{
    public static List<ValidationProblem> Validate(ProspectInput input)
    {
        var problems = new List<ValidationProblem>();
        if (string.IsNullOrWhiteSpace(input.CompanyName))
        {
            problems.Add(new(nameof(ProspectInput.CompanyName), "Company name is required."));
        }

        if (input.FortuneRank is < 1 or > 500)
        {
            problems.Add(new(nameof(ProspectInput.FortuneRank), $"Fortune rank must be between 1 and 500, or left empty (was {input.FortuneRank})."));
        }

        if (input.LeadScore is < 0 or > 100)
        {
            problems.Add(new(nameof(ProspectInput.LeadScore), $"Lead score must be between 0 and 100 (was {input.LeadScore})."));
        }

        if (input.EstimatedArrUsd < 0)
        {
            problems.Add(new(nameof(ProspectInput.EstimatedArrUsd), "Estimated ARR cannot be negative."));
        }

        if (!string.IsNullOrWhiteSpace(input.Owner) && !IsEmail(input.Owner))
        {
            problems.Add(new(nameof(ProspectInput.Owner), $"The owner must be a sales rep's e-mail address; \"{input.Owner.Trim()}\" is not one."));
        }

        var makers = input.DecisionMakers ?? [];
        for (var i = 0; i < makers.Count; i++)
        {
            problems.AddRange(DecisionMakerProblems(makers[i], $"{nameof(ProspectInput.DecisionMakers)}[{i}]"));
        }

        return problems;
    }

    public static bool IsEmail(string value) => EmailPattern().IsMatch(value.Trim());

    private static IEnumerable<ValidationProblem> DecisionMakerProblems(DecisionMaker maker, string field)
    {
        if (string.IsNullOrWhiteSpace(maker.Name))
        {
            yield return new($"{field}.Name", "Each decision maker needs a name.");
        }

        if (!string.IsNullOrWhiteSpace(maker.Email) && !IsEmail(maker.Email))
        {
            yield return new($"{field}.Email", $"\"{maker.Email.Trim()}\" is not a well-formed e-mail address.");
        }

        if (maker.Influence is < 1 or > 5)
        {
            yield return new($"{field}.Influence", $"Influence is rated 1 to 5 (was {maker.Influence}).");
        }

        if (maker.Role is not null && !DecisionMakerRole.All.Contains(maker.Role, StringComparer.Ordinal))
        {
            yield return new($"{field}.Role", $"\"{maker.Role}\" is not a committee role; use one of {string.Join(", ", DecisionMakerRole.All)}.");
        }
    }

    // One @, no spaces, and a dot in the domain: strict enough to catch typos, loose enough for real corporate addresses.
    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s.]+$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();
}
