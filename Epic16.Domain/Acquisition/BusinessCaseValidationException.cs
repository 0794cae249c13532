namespace Epic16.Domain.Acquisition;

/// <summary>A business case was not saved because of the listed problems; <see cref="Errors"/> maps each field to its message.</summary>
public sealed class BusinessCaseValidationException(IReadOnlyList<ValidationProblem> problems)
    : Exception("The business case was not saved: " + string.Join(" ", problems.Select(p => p.Message)))
{
    public IReadOnlyList<ValidationProblem> Problems { get; } = problems;

    public IReadOnlyDictionary<string, string> Errors { get; } = problems
        .GroupBy(p => p.Field)
        .ToDictionary(g => g.Key, g => string.Join(" ", g.Select(p => p.Message)));
}
