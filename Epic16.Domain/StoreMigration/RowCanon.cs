using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Epic16.Domain.Persistence;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Epic16.Domain.StoreMigration;

/// <summary>
/// The canonical text of a value and the hash of a row, identical on both stores for equal data: decimals by value,
/// instants in UTC to the microsecond, dates as dates, JSON with sorted keys.
/// </summary>
public static class RowCanon
{
    private const char Separator = '\u001F';

    public static string Value(IReadOnlyProperty property, object? value) => value switch
    {
        null or DBNull => "\u2205",
        decimal d => d.ToString("0.############", CultureInfo.InvariantCulture),
        DateTime t when StoreMapping.KindOf(property) == LegacyKind.Date => DateOnly.FromDateTime(t).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t => t.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        bool b => b ? "1" : "0",
        string s when StoreMapping.KindOf(property) == LegacyKind.Json => CanonicalJson.Of(s),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    public static UInt128 Hash(IReadOnlyList<IReadOnlyProperty> properties, IReadOnlyList<object?> values)
    {
        var text = new StringBuilder();
        for (var i = 0; i < properties.Count; i++)
        {
            text.Append(Value(properties[i], values[i])).Append(Separator);
        }

        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()), digest);
        return new UInt128(BitConverter.ToUInt64(digest[..8]), BitConverter.ToUInt64(digest[8..16]));
    }
}
