namespace Epic16.Domain.DualWrite;

/// <summary>One condition a cutover needs, green or red, with the figure it was judged on.</summary>
public sealed record CutoverGate(string Name, bool Ok, string Figure);
