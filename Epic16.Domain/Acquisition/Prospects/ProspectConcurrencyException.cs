namespace Epic16.Domain.Acquisition.Prospects;

/// <summary>An edit was made on an old copy of the prospect: someone saved it in between, so the edit is refused, not overwritten.</summary>
public sealed class ProspectConcurrencyException(string message) : Exception(message);
