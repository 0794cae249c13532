namespace Epic16.Domain.DualWrite;

/// <summary>A switch could not keep every instance's write pause alive; it stopped before the mode changed.</summary>
public sealed class WritePauseLapsedException(string message) : InvalidOperationException(message);
