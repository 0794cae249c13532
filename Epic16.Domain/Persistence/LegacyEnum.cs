using System.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;
using Microsoft.EntityFrameworkCore.Storage;
using Epic16.Domain.Persistence.Legacy;
using Microsoft.Data.Sqlite;

namespace Epic16.Domain.Persistence;

/// <summary>
/// Legacy spellings in SQL. Every filter on an enum column compares <c>LegacyEnum.Word(column)</c> with the canonical word,
/// never the raw column: on SQLite it calls <see cref="FunctionName"/>, registered on every legacy connection as
/// <see cref="LegacyValueParser.EnumWord"/> (so <c>'  ENGAGED\t'</c> matches <c>engaged</c>, as the converters read it);
/// on PostgreSQL the column is already canonical and is compared as it is, so its indexes still serve the filter.
/// </summary>
public static class LegacyEnum
{
    public const string FunctionName = "epic16_enum_word";

    private static readonly StringTypeMapping Text = new("TEXT", DbType.String);

    /// <summary>The canonical word of an enum column, for LINQ queries; outside a query it applies the same rule.</summary>
    public static string? Word(string? column) => LegacyValueParser.EnumWord(column);

    /// <summary>Maps <see cref="Word"/> for the store's model: a call of the SQLite function, or the bare column.</summary>
    public static void Map(ModelBuilder modelBuilder, bool legacy) =>
        modelBuilder.HasDbFunction(typeof(LegacyEnum).GetMethod(nameof(Word))!)
            .HasTranslation(args => legacy
                ? new SqlFunctionExpression(FunctionName, args, nullable: true, argumentsPropagateNullability: [true], typeof(string), Text)
                : args[0]);

    /// <summary>Registers the function on an open legacy connection (pooled ones keep it; registering again is harmless).</summary>
    public static void Register(SqliteConnection connection) =>
        connection.CreateFunction<object?, string?>(FunctionName, LegacyValueParser.EnumWord, isDeterministic: true);
}
