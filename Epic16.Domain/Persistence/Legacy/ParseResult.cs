namespace Epic16.Domain.Persistence.Legacy;

/// <summary>
/// The outcome of reading one legacy value: a typed value (which may be null, since an empty legacy
/// value means NULL) or the reason the value cannot be converted, which goes to the quarantine.
/// </summary>
public readonly record struct ParseResult<T>
{
    private readonly string? _reason;

    private ParseResult(bool ok, T? value, string? reason)
    {
        Ok = ok;
        Value = value;
        _reason = reason;
    }

    public bool Ok { get; }

    public T? Value { get; }

    /// <summary>Null when <see cref="Ok"/>; never empty otherwise, even for a default-constructed result.</summary>
    public string? Reason => Ok ? null : _reason ?? "no value was parsed";

    /// <summary>True when the legacy value parsed to NULL (null, DBNull or an empty string).</summary>
    public bool IsNull => Ok && Value is null;

    public static ParseResult<T> Success(T? value) => new(true, value, null);

    public static ParseResult<T> Null() => new(true, default, null);

    /// <summary>A rejection; the reason is made storable in PostgreSQL text (a JSON error may quote a NUL).</summary>
    public static ParseResult<T> Fail(string reason) =>
        new(false, default, string.IsNullOrWhiteSpace(reason) ? "the value was rejected" : LegacyRaw.MakeStorable(reason));

    /// <summary>Carries a rejection over to a result of another type.</summary>
    internal ParseResult<TOther> As<TOther>() =>
        Ok ? throw new InvalidOperationException("Only a rejection can change its value type.") : ParseResult<TOther>.Fail(Reason!);

    /// <summary>
    /// For callers that cannot carry a rejection (EF value converters): the value, or a
    /// <see cref="FormatException"/> with the reason. The migrator quarantines instead of calling this.
    /// </summary>
    public T? ValueOrThrow() => Ok ? Value : throw new FormatException(Reason);

    public override string ToString() => Ok ? $"Ok({Value?.ToString() ?? "NULL"})" : $"Rejected({Reason})";
}
