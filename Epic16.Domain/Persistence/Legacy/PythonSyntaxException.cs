namespace Epic16.Domain.Persistence.Legacy;

/// <summary>Unwinds <see cref="PythonLiteral"/>'s recursion on the first error; never leaves it.</summary>
internal sealed class PythonSyntaxException(string message) : Exception(message);
