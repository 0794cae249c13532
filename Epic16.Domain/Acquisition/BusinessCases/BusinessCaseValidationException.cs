namespace Epic16.Domain.Acquisition.BusinessCases;

/// <summary>A business case was not saved because of the listed problems.</summary>
public sealed class BusinessCaseValidationException(IReadOnlyList<ValidationProblem> problems)
    : FieldValidationException("The business case was not saved", problems);
