namespace Epic16.Domain.Persistence;

/// <summary>
/// One switch of the store mode (`migration_store_modes`): the latest row is the mode every instance serves; the
/// rows before it are the history, with who, when, why and the figures at the time.
/// </summary>
public class StoreModeChange
{
    public long Id { get; set; }
    public string Mode { get; set; } = "";
    public string? PreviousMode { get; set; }
    public DateTime ChangedAt { get; set; }
    public string ChangedBy { get; set; } = "";
    public string Reason { get; set; } = "";

    /// <summary>The figures at the time of the switch (the dual-write module's mode figures) as JSON.</summary>
    public string Figures { get; set; } = "{}";

    /// <summary>Set when the switch was forced at start by `EPIC16_POSTGRESQL_ONLY=false`.</summary>
    public bool Emergency { get; set; }

    /// <summary>How long writes were paused for this switch, in milliseconds (null when they were not).</summary>
    public long? PauseMs { get; set; }
}
