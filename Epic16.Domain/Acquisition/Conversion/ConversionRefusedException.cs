namespace Epic16.Domain.Acquisition.Conversion;

/// <summary>The prospect cannot be converted yet; <see cref="Reasons"/> says everything that blocks it. Nothing was created.</summary>
public sealed class ConversionRefusedException(IReadOnlyList<string> reasons)
    : Exception("The prospect was not converted: " + string.Join(" ", reasons))
{
    public IReadOnlyList<string> Reasons { get; } = reasons;
}
