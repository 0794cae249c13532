namespace Epic16.Domain.Common;

/// <summary>How every figure is rounded (money, percentages, scores): halves away from zero, as the legacy Python did.</summary>
public static class Rounding
{
    public static decimal HalfAwayFromZero(decimal value, int decimals) => decimal.Round(value, decimals, MidpointRounding.AwayFromZero);
}
