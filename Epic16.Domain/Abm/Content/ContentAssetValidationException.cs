using Epic16.Domain.Acquisition;

namespace Epic16.Domain.Abm.Content;

public sealed class ContentAssetValidationException(IReadOnlyList<ValidationProblem> problems)
    : FieldValidationException("The asset was not saved", problems);
