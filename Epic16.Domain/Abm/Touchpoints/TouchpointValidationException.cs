using Epic16.Domain.Acquisition;

namespace Epic16.Domain.Abm.Touchpoints;

public sealed class TouchpointValidationException(IReadOnlyList<ValidationProblem> problems)
    : FieldValidationException("Nothing was saved", problems);
