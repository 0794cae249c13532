namespace Epic16.Domain.Acquisition.Prospects;

/// <summary>A prospect was not saved because of the listed problems.</summary>
public sealed class ProspectValidationException(IReadOnlyList<ValidationProblem> problems)
    : FieldValidationException("The prospect was not saved", problems);
