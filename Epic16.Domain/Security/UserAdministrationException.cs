namespace Epic16.Domain.Security;

public sealed class UserAdministrationException(string message) : Exception(message);
