using Epic16.Domain.Acquisition;

namespace Epic16.Domain.Abm.Campaigns;

public sealed class CampaignValidationException(IReadOnlyList<ValidationProblem> problems)
    : FieldValidationException("The campaign was not saved", problems);
