using System.Net.Mail;
using Epic16.Domain.Acquisition;

namespace Epic16.Domain.Onboarding.Clients;

public static class ClientValidator
{
    public static IReadOnlyList<ValidationProblem> Validate(ClientInput input)
    {
        var problems = new List<ValidationProblem>();
        if (string.IsNullOrWhiteSpace(input.CompanyName))
        {
            problems.Add(new(nameof(ClientInput.CompanyName), "The company name is required."));
        }
        else if (input.CompanyName.Trim().Length > 200)
        {
            problems.Add(new(nameof(ClientInput.CompanyName), "The company name is at most 200 characters."));
        }

        if (input.ContractValueUsd is < 0)
        {
            problems.Add(new(nameof(ClientInput.ContractValueUsd), "The contract value cannot be negative."));
        }

        if (input.StartDate is null)
        {
            problems.Add(new(nameof(ClientInput.StartDate), "The start date is required."));
        }

        if (input.GoLiveTarget is { } target && input.StartDate is { } start && target < start)
        {
            problems.Add(new(nameof(ClientInput.GoLiveTarget), $"The go-live target ({target:yyyy-MM-dd}) cannot be before the start date ({start:yyyy-MM-dd})."));
        }

        if (!string.IsNullOrWhiteSpace(input.CsmOwner) && !MailAddress.TryCreate(input.CsmOwner.Trim(), out _))
        {
            problems.Add(new(nameof(ClientInput.CsmOwner), "The CSM owner must be an e-mail address."));
        }

        return problems;
    }
}
