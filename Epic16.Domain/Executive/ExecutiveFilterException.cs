namespace Epic16.Domain.Executive;

/// <summary>A filter the figures cannot be computed for; <see cref="Field"/> names the field at fault.</summary>
public sealed class ExecutiveFilterException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}
