using Epic16.Domain.Acquisition;

namespace Epic16.Domain.Onboarding.Health;

public static class HealthInputValidator
{
    public static IReadOnlyList<ValidationProblem> Validate(HealthInput input, DateOnly day, DateOnly today, string prefix = "")
    {
        var problems = new List<ValidationProblem>();
        if (input.ProductUsage is < 0 or > 100)
        {
            problems.Add(new(prefix + nameof(HealthInput.ProductUsage), $"Product usage is a share of seats: 0 to 100 (it is {input.ProductUsage})."));
        }

        if (input.SupportTickets is < 0 or > 100_000)
        {
            problems.Add(new(prefix + nameof(HealthInput.SupportTickets), $"Open support tickets must be 0 or more (it is {input.SupportTickets})."));
        }

        if (input.Nps is < -100 or > 100)
        {
            problems.Add(new(prefix + nameof(HealthInput.Nps), $"NPS must be −100 to 100 (it is {input.Nps})."));
        }

        if (input.Engagement is < 0 or > 100)
        {
            problems.Add(new(prefix + nameof(HealthInput.Engagement), $"Engagement must be 0 to 100 (it is {input.Engagement})."));
        }

        if (day > today)
        {
            problems.Add(new(prefix + "Day", $"The day ({day:yyyy-MM-dd}) cannot be in the future."));
        }

        if (input is { ProductUsage: null, SupportTickets: null, Nps: null, Engagement: null })
        {
            problems.Add(new(prefix + nameof(HealthInput.ProductUsage), "Record at least one of usage, tickets, NPS or engagement."));
        }

        return problems;
    }
}
