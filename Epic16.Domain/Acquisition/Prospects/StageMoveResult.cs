namespace Epic16.Domain.Acquisition.Prospects;

/// <summary>
/// Whether a prospect may move to a stage, and if not, why in words a sales rep understands. A move that was made also
/// says where it came from, where it went and when, so the rep can undo exactly that move.
/// </summary>
public sealed record StageMoveResult(bool Allowed, string? Why)
{
    public static StageMoveResult Ok { get; } = new(true, null);

    public string? From { get; init; }

    public string? To { get; init; }

    /// <summary>The prospect's UpdatedAt after the move: an undo is refused once anyone changed the prospect again.</summary>
    public DateTime? MovedAt { get; init; }

    public static StageMoveResult Refused(string why) => new(false, why);
}
