namespace Epic16.Domain.DualWrite;

/// <summary>A cutover refused because a gate is red; nothing was changed.</summary>
public sealed class CutoverRefusedException(string message, IReadOnlyList<CutoverGate> gates) : InvalidOperationException(message)
{
    public IReadOnlyList<CutoverGate> Gates { get; } = gates;
}
