namespace Epic16.Domain.Acquisition.BusinessCases;

/// <summary>A business-case edit or status move was made on an old copy: someone saved in between, so it is refused, not overwritten.</summary>
public sealed class BusinessCaseConcurrencyException(string message) : Exception(message);
