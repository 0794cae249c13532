namespace Epic16.Domain.DemoData;

/// <summary>The forms the legacy application wrote timestamps in over its life (legacy-schema/README.md).</summary>
public enum TimestampForm
{
    /// <summary><c>2025-10-08 14:03:22</c></summary>
    Plain,
    /// <summary><c>2025-10-08 14:03:22.123456</c></summary>
    Microseconds,
    /// <summary><c>2025-10-08T14:03:22</c></summary>
    IsoT,
    /// <summary><c>2025-10-08T14:03:22.123456+00:00</c></summary>
    IsoOffset,
    /// <summary><c>2025-10-08T14:03:22Z</c></summary>
    IsoZ,
    /// <summary>Unix epoch seconds (an integer; a TEXT column stores its digits).</summary>
    EpochSeconds,
}
