namespace Epic16.Domain.Persistence;

/// <summary>How a column's legacy value is parsed; set once on each mapped property and read by the migrator, validator and converters.</summary>
public enum LegacyKind
{
    Text,
    Integer,
    Boolean,
    Money,
    Score,
    Rate,
    Timestamp,
    Date,
    Enum,
    Json,
}
