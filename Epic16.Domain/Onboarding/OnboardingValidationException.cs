using Epic16.Domain.Acquisition;

namespace Epic16.Domain.Onboarding;

/// <summary>An onboarding form (client, template, milestone, health input, note) was not saved; each problem names its field.</summary>
public sealed class OnboardingValidationException(IReadOnlyList<ValidationProblem> problems)
    : FieldValidationException("Not saved", problems)
{
    public OnboardingValidationException(string field, string message)
        : this([new ValidationProblem(field, message)])
    {
    }
}
