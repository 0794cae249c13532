namespace Epic16.Domain.Acquisition;

/// <summary>
/// A form was not saved because of the listed problems; <see cref="Errors"/> maps each field to its message, for the
/// form's field messages. One subclass per thing saved, so callers can tell them apart.
/// </summary>
public abstract class FieldValidationException(string notSaved, IReadOnlyList<ValidationProblem> problems)
    : Exception(notSaved + ": " + string.Join(" ", problems.Select(p => p.Message)))
{
    public IReadOnlyList<ValidationProblem> Problems { get; } = problems;

    public IReadOnlyDictionary<string, string> Errors { get; } = problems
        .GroupBy(p => p.Field)
        .ToDictionary(g => g.Key, g => string.Join(" ", g.Select(p => p.Message)));
}
