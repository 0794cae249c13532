namespace Epic16.Domain.Acquisition.BusinessCases;

/// <summary>
/// The editor's rules: a title, money that fits the column (numeric(14,2)) and is not negative, a horizon of 1-30 years,
/// a discount rate between 0 and 100 %. The editor runs the same rules as the user types; the service runs them again.
/// </summary>
public static class BusinessCaseValidator
{
    /// <summary>The largest amount a money column holds (numeric(14,2)); NPV must fit too, so inputs stay well below it.</summary>
    public const decimal MaxAmountUsd = 10_000_000_000m;

    public const int MaxTitleLength = 200;

    public static List<ValidationProblem> Validate(BusinessCaseInput input)
    {
        var problems = new List<ValidationProblem>();
        if (string.IsNullOrWhiteSpace(input.Title))
        {
            problems.Add(new(nameof(BusinessCaseInput.Title), "A title is required."));
        }
        else if (input.Title.Trim().Length > MaxTitleLength)
        {
            problems.Add(new(nameof(BusinessCaseInput.Title), $"The title is at most {MaxTitleLength} characters."));
        }

        problems.AddRange(Money(nameof(BusinessCaseInput.InvestmentUsd), "The investment", input.InvestmentUsd));
        problems.AddRange(Money(nameof(BusinessCaseInput.AnnualBenefitUsd), "The annual benefit", input.AnnualBenefitUsd));

        if (input.HorizonYears is null or < 1 or > 30)
        {
            problems.Add(new(nameof(BusinessCaseInput.HorizonYears), $"The horizon is 1 to 30 years (was {Shown(input.HorizonYears)})."));
        }

        if (input.DiscountRate is null or < 0 or > 1)
        {
            problems.Add(new(nameof(BusinessCaseInput.DiscountRate), $"The discount rate is 0 to 100 % a year (was {Shown(input.DiscountRate * 100)} %)."));
        }

        return problems;
    }

    /// <summary>The figures for valid inputs, or null while the form is invalid (the editor shows no figures then).</summary>
    public static RoiResult? FiguresOf(BusinessCaseInput input) => Validate(input).Count > 0
        ? null
        : RoiCalculator.Compute(input.InvestmentUsd!.Value, input.AnnualBenefitUsd!.Value, input.HorizonYears!.Value, input.DiscountRate!.Value);

    private static IEnumerable<ValidationProblem> Money(string field, string label, decimal? value)
    {
        if (value is null)
        {
            yield return new(field, $"{label} is required.");
        }
        else if (value < 0)
        {
            yield return new(field, $"{label} cannot be negative.");
        }
        else if (value > MaxAmountUsd)
        {
            yield return new(field, $"{label} is at most {MaxAmountUsd:N0} USD.");
        }
    }

    private static string Shown<T>(T? value) where T : struct => value?.ToString() ?? "empty";
}
