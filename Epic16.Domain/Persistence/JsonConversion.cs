using System.Text.Json;
using Epic16.Domain.StoreMigration;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Epic16.Domain.Persistence.Legacy;

namespace Epic16.Domain.Persistence;

/// <summary>JSON columns as typed values: written as JSON with the legacy keys, read from JSON or (legacy) Python literals.</summary>
public static class JsonConversion
{
    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, StoreMapping.JsonOptions);

    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, StoreMapping.JsonOptions) ?? throw new JsonException($"JSON null where a {typeof(T).Name} was expected.");

    public static ValueConverter<T, string> Converter<T>(bool legacy) => legacy
        ? new ValueConverter<T, string>(v => Serialize(v), raw => ReadLegacy<T>(raw))
        : new ValueConverter<T, string>(v => Serialize(v), json => Deserialize<T>(json));

    /// <summary>Compares by content and snapshots by deep copy, so editing a list in place is detected and saved.</summary>
    public static ValueComparer<T> Comparer<T>() => new(
        (a, b) => Serialize(a) == Serialize(b),
        v => Serialize(v).GetHashCode(StringComparison.Ordinal),
        v => Deserialize<T>(Serialize(v)));

    private static T ReadLegacy<T>(string raw) =>
        Deserialize<T>(LegacyValueParser.Json(raw).ValueOrThrow() ?? "null");
}
