namespace Epic16.Domain.Onboarding.Clients;

public sealed record ClientView(
    long Id, string CompanyName, long? ProspectId, long? TemplateId, decimal? ContractValueUsd, DateOnly? StartDate, DateOnly? GoLiveTarget,
    string? CsmOwner, string Status, DateTime CreatedAt, DateTime? UpdatedAt)
{
    public static ClientView Of(OnboardingClient c) =>
        new(c.Id, c.CompanyName, c.ProspectId, c.TemplateId, c.ContractValueUsd, c.StartDate, c.GoLiveTarget, c.CsmOwner, c.Status, c.CreatedAt, c.UpdatedAt);
}
