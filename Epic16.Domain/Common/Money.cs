namespace Epic16.Domain.Common;

/// <summary>The one money rule: amounts are <see cref="decimal"/> US dollars kept to the cent, halves rounded away from zero.</summary>
public static class Money
{
    public static decimal Cents(decimal amount) => Rounding.HalfAwayFromZero(amount, 2);

    public static decimal? Cents(decimal? amount) => amount is { } value ? Cents(value) : null;
}
