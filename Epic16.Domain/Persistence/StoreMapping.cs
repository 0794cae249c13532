using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Epic16.Domain.Persistence;

/// <summary>
/// What differs between the two stores for the one Epic 16 model: table names, column types and value conversion.
/// Entity configurations describe each column once ("money", "timestamp", "enum of …") and the store decides the rest.
/// </summary>
public abstract class StoreMapping
{
    public const string KindAnnotation = "Epic16:LegacyKind";
    public const string WordsAnnotation = "Epic16:Words";
    public const string LegacyTableAnnotation = "Epic16:LegacyTable";
    public const string TargetTableAnnotation = "Epic16:TargetTable";
    public const string NumericAnnotation = "Epic16:Numeric";
    public const string RangeAnnotation = "Epic16:Range";
    public const string PatternAnnotation = "Epic16:Pattern";

    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public abstract bool IsLegacy { get; }

    public void Table(EntityTypeBuilder entity, string legacyName, string targetName)
    {
        entity.ToTable(IsLegacy ? legacyName : targetName);
        entity.HasAnnotation(LegacyTableAnnotation, legacyName);
        entity.HasAnnotation(TargetTableAnnotation, targetName);
    }

    /// <summary>A check constraint; only PostgreSQL has them (the legacy DDL has none, and it is never changed).</summary>
    public void Check(EntityTypeBuilder entity, string name, string sql)
    {
        if (!IsLegacy)
        {
            entity.ToTable(t => t.HasCheckConstraint(name, sql));
        }
    }

    public void Text(PropertyBuilder property) => Kind(property, LegacyKind.Text);

    public void Integer(PropertyBuilder property) => Kind(property, LegacyKind.Integer);

    public void Enum(EntityTypeBuilder entity, PropertyBuilder property, IReadOnlyList<string> words)
    {
        Kind(property, LegacyKind.Enum).HasAnnotation(WordsAnnotation, string.Join('|', words));
        var column = SnakeCase(property.Metadata.Name);
        var table = TableOf(entity);
        var nullable = property.Metadata.IsNullable ? $"{column} IS NULL OR " : "";
        Check(entity, $"ck_{table}_{column}", $"{nullable}{column} IN ({string.Join(", ", words.Select(w => $"'{w}'"))})");
        ConfigureEnum(property);
    }

    public void Money(PropertyBuilder property) => Numeric(property, LegacyKind.Money, "numeric(14,2)");

    /// <summary>A yearly rate as a fraction, 0 to 1.</summary>
    public void Rate(EntityTypeBuilder entity, PropertyBuilder property)
    {
        Numeric(property, LegacyKind.Rate, "numeric(6,4)");
        Range(entity, property, 0, 1);
    }

    /// <summary>A score or percentage (numeric(6,2)), 0 to 100.</summary>
    public void Score(EntityTypeBuilder entity, PropertyBuilder property)
    {
        Numeric(property, LegacyKind.Score, "numeric(6,2)");
        Range(entity, property, 0, 100);
    }

    /// <summary>Bounds checked by PostgreSQL and, before that, by the migration (which quarantines instead of failing the COPY).</summary>
    public void Range(EntityTypeBuilder entity, PropertyBuilder property, decimal min, decimal max)
    {
        property.HasAnnotation(RangeAnnotation, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{min}|{max}"));
        var column = SnakeCase(property.Metadata.Name);
        var nullable = property.Metadata.IsNullable ? $"{column} IS NULL OR " : "";
        Check(entity, $"ck_{TableOf(entity)}_{column}", string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{nullable}{column} BETWEEN {min} AND {max}"));
    }

    /// <summary>A text shape (a POSIX regular expression that .NET reads the same way), checked on both sides.</summary>
    public void Pattern(EntityTypeBuilder entity, PropertyBuilder property, string regex)
    {
        property.HasAnnotation(PatternAnnotation, regex);
        var column = SnakeCase(property.Metadata.Name);
        Check(entity, $"ck_{TableOf(entity)}_{column}", $"{column} ~ '{regex}'");
    }

    private void Numeric(PropertyBuilder property, LegacyKind kind, string storeType) =>
        ConfigureDecimal(Kind(property, kind).HasAnnotation(NumericAnnotation, storeType), storeType);

    public void Timestamp(PropertyBuilder property) => ConfigureTimestamp(Kind(property, LegacyKind.Timestamp));

    public void Date(PropertyBuilder property) => ConfigureDate(Kind(property, LegacyKind.Date));

    public void Boolean(PropertyBuilder property) => ConfigureBoolean(Kind(property, LegacyKind.Boolean));

    /// <summary>A JSON document kept with the legacy keys; compared by content so in-place edits are saved.</summary>
    public void Json<T>(PropertyBuilder<T> property)
    {
        Kind(property, LegacyKind.Json);
        property.HasConversion(JsonConversion.Converter<T>(IsLegacy), JsonConversion.Comparer<T>());
        ConfigureJson(property);
    }

    protected abstract void ConfigureEnum(PropertyBuilder property);

    protected abstract void ConfigureDecimal(PropertyBuilder property, string storeType);

    protected abstract void ConfigureTimestamp(PropertyBuilder property);

    protected abstract void ConfigureDate(PropertyBuilder property);

    protected abstract void ConfigureBoolean(PropertyBuilder property);

    protected abstract void ConfigureJson(PropertyBuilder property);

    private static PropertyBuilder Kind(PropertyBuilder property, LegacyKind kind) => property.HasAnnotation(KindAnnotation, kind.ToString());

    private string TableOf(EntityTypeBuilder entity) =>
        (string)entity.Metadata.FindAnnotation(IsLegacy ? LegacyTableAnnotation : TargetTableAnnotation)!.Value!;

    /// <summary>Decimal places of a `numeric(p,s)` store type.</summary>
    public static int DecimalsOf(string storeType) => int.Parse(storeType.Split(',', ')')[1], System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The exclusive bound of a `numeric(p,s)` store type: 10^(p-s).</summary>
    public static decimal LimitOf(string storeType)
    {
        var parts = storeType.Split('(', ',', ')');
        var precision = int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
        var scale = int.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture);
        var limit = 1m;
        for (var i = 0; i < precision - scale; i++)
        {
            limit *= 10;
        }

        return limit;
    }

    public static string SnakeCase(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) ? (i > 0 ? "_" : "") + char.ToLowerInvariant(c) : c.ToString()));

    public static LegacyKind KindOf(IReadOnlyProperty property)
    {
        if (property.FindAnnotation(KindAnnotation)?.Value is string kind)
        {
            return System.Enum.Parse<LegacyKind>(kind);
        }

        var type = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
        return type == typeof(long) || type == typeof(int) ? LegacyKind.Integer
            : type == typeof(bool) ? LegacyKind.Boolean
            : LegacyKind.Text;
    }

    public static (decimal Min, decimal Max)? RangeOf(IReadOnlyProperty property) =>
        property.FindAnnotation(RangeAnnotation)?.Value is string range
            ? (decimal.Parse(range.Split('|')[0], System.Globalization.CultureInfo.InvariantCulture), decimal.Parse(range.Split('|')[1], System.Globalization.CultureInfo.InvariantCulture))
            : null;

    public static string? PatternOf(IReadOnlyProperty property) => property.FindAnnotation(PatternAnnotation)?.Value as string;

    public static string? NumericTypeOf(IReadOnlyProperty property) => property.FindAnnotation(NumericAnnotation)?.Value as string;

    public static IReadOnlyList<string> WordsOf(IReadOnlyProperty property) =>
        ((string?)property.FindAnnotation(WordsAnnotation)?.Value)?.Split('|') ?? [];
}
