namespace Epic16.Domain.Onboarding.Clients;

/// <summary>The client form (settable for form binding).</summary>
public sealed class ClientInput
{
    public string CompanyName { get; set; } = "";
    public decimal? ContractValueUsd { get; set; }
    public DateOnly? StartDate { get; set; }
    public DateOnly? GoLiveTarget { get; set; }
    public string? CsmOwner { get; set; }

    public static ClientInput From(ClientView c) => new()
    {
        CompanyName = c.CompanyName, ContractValueUsd = c.ContractValueUsd, StartDate = c.StartDate, GoLiveTarget = c.GoLiveTarget, CsmOwner = c.CsmOwner,
    };
}
