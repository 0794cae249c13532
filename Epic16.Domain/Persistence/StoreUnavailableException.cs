namespace Epic16.Domain.Persistence;

/// <summary>A store the app needs cannot be reached or opened; the message names the setting and what to do.</summary>
public sealed class StoreUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
