using System.Globalization;
using System.Text;

namespace Epic16.Domain.Persistence.Legacy;

/// <summary>
/// What Microsoft.Data.Sqlite hands back, reduced to the five SQLite storage classes, and a safe
/// short description of a raw value for rejection reasons (reasons are stored in PostgreSQL text,
/// so they must never carry a NUL or an unpaired surrogate, nor a megabyte of input).
/// </summary>
internal static class LegacyRaw
{
    private const int DescribeLimit = 60;

    /// <summary>null/DBNull → null; CLR integers → long; float → double; everything else unchanged.</summary>
    public static object? Normalize(object? raw) => raw switch
    {
        null or DBNull => null,
        int i => (long)i,
        short s => (long)s,
        sbyte sb => (long)sb,
        byte b => (long)b,
        ushort us => (long)us,
        uint ui => (long)ui,
        float f => (double)f,
        _ => raw,
    };

    /// <summary>True for the values that mean NULL in a typed (non-text) legacy column.</summary>
    public static bool IsNullLike(object? normalized) =>
        normalized is null || (normalized is string s && string.IsNullOrWhiteSpace(s));

    public static string Describe(object? raw)
    {
        switch (Normalize(raw))
        {
            case null:
                return "NULL";
            case string s:
                return Quote(s);
            case long l:
                return "INTEGER " + l.ToString(CultureInfo.InvariantCulture);
            case double d:
                return "REAL " + d.ToString("R", CultureInfo.InvariantCulture);
            case byte[] bytes:
                return $"BLOB ({bytes.Length} bytes)";
            case var other:
                return $"a {other.GetType().Name}";
        }
    }

    public static string Unsupported(object? raw, string expected) =>
        $"{Describe(raw)} cannot be read as {expected}";

    /// <summary>Quotes at most the first characters of a text, escaping control and surrogate characters.</summary>
    public static string Quote(string text)
    {
        var sb = new StringBuilder(DescribeLimit + 24).Append('\'');
        var shown = Math.Min(text.Length, DescribeLimit);
        for (var i = 0; i < shown; i++)
        {
            var c = text[i];
            if (char.IsControl(c) || char.IsSurrogate(c))
            {
                sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                sb.Append(c);
            }
        }

        sb.Append('\'');
        if (text.Length > shown)
        {
            sb.Append("… (").Append(text.Length.ToString(CultureInfo.InvariantCulture)).Append(" characters)");
        }

        return sb.ToString();
    }

    /// <summary>The text with NULs and unpaired surrogates written as \uXXXX escapes.</summary>
    public static string MakeStorable(string text)
    {
        if (FirstUnstorableChar(text, out _) < 0)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                sb.Append(c).Append(text[++i]);
            }
            else if (c == '\0' || char.IsSurrogate(c))
            {
                sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    /// <summary>The index of the first character PostgreSQL text cannot hold (NUL, unpaired surrogate), or -1.</summary>
    public static int FirstUnstorableChar(string text, out string problem)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\0')
            {
                problem = "a NUL character (U+0000), which PostgreSQL text cannot store";
                return i;
            }

            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            if (char.IsSurrogate(c))
            {
                problem = "an unpaired UTF-16 surrogate, which is not valid Unicode";
                return i;
            }
        }

        problem = "";
        return -1;
    }
}
