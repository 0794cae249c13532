using Epic16.Domain.Acquisition;
using Microsoft.Extensions.Configuration;

namespace Epic16.Domain.Onboarding.Health;

/// <summary>The weight of each health component in percent (configuration `Onboarding:HealthWeights:*`); they must sum to 100.</summary>
public sealed record HealthWeights(int ProductUsage, int MilestoneProgress, int SupportTickets, int Nps, int Engagement)
{
    public const string Section = "Onboarding:HealthWeights";

    public static HealthWeights Default { get; } = new(30, 25, 15, 15, 15);

    public int Of(string component) => component switch
    {
        HealthComponents.ProductUsage => ProductUsage,
        HealthComponents.MilestoneProgress => MilestoneProgress,
        HealthComponents.SupportTickets => SupportTickets,
        HealthComponents.Nps => Nps,
        HealthComponents.Engagement => Engagement,
        _ => throw new ArgumentOutOfRangeException(nameof(component), component, "unknown health component"),
    };

    public IReadOnlyList<ValidationProblem> Problems()
    {
        var problems = new List<ValidationProblem>();
        foreach (var component in HealthComponents.All.Where(c => Of(c) is < 0 or > 100))
        {
            problems.Add(new($"{Section}:{Pascal(component)}", $"The weight of {HealthComponents.Label(component)} must be 0 to 100 (it is {Of(component)})."));
        }

        var sum = HealthComponents.All.Sum(Of);
        if (sum != 100)
        {
            problems.Add(new(Section, $"The health weights must sum to 100; they sum to {sum}."));
        }

        return problems;
    }

    /// <summary>Reads the weights, each defaulting to <see cref="Default"/>; refuses weights that do not sum to 100.</summary>
    public static HealthWeights From(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var weights = new HealthWeights(
            section.GetValue(nameof(ProductUsage), Default.ProductUsage),
            section.GetValue(nameof(MilestoneProgress), Default.MilestoneProgress),
            section.GetValue(nameof(SupportTickets), Default.SupportTickets),
            section.GetValue(nameof(Nps), Default.Nps),
            section.GetValue(nameof(Engagement), Default.Engagement));
        var problems = weights.Problems();
        return problems.Count == 0 ? weights : throw new OnboardingValidationException(problems);
    }

    public override string ToString() => string.Join(", ", HealthComponents.All.Select(c => $"{c}={Of(c)}"));

    private static string Pascal(string component) => string.Concat(component.Split('_').Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
}
