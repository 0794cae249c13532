namespace Epic16.Domain.Security;

public sealed class AccessDeniedException(string message) : Exception(message);
