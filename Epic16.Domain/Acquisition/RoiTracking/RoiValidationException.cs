namespace Epic16.Domain.Acquisition.RoiTracking;

/// <summary>A month of ROI tracking was not saved because of the listed problems.</summary>
public sealed class RoiValidationException(IReadOnlyList<ValidationProblem> problems)
    : FieldValidationException("The month was not saved", problems);
