namespace Epic16.Domain.Abm.Touchpoints;

/// <summary>
/// A touch moves forward along <c>scheduled → sent → opened → clicked → replied → meeting</c> (skipping steps is fine: a
/// reply proves the mail was sent and opened), never back; a scheduled touch can be cancelled, a scheduled or sent one can
/// fail; meeting, failed and cancelled are final.
/// </summary>
public static class TouchpointStatuses
{
    public const string Scheduled = "scheduled";
    public const string Sent = "sent";
    public const string Opened = "opened";
    public const string Clicked = "clicked";
    public const string Replied = "replied";
    public const string Meeting = "meeting";
    public const string Failed = "failed";
    public const string Cancelled = "cancelled";

    /// <summary>The forward path, in order.</summary>
    public static readonly IReadOnlyList<string> Path = [Scheduled, Sent, Opened, Clicked, Replied, Meeting];

    /// <summary>Touches that reached the account.</summary>
    public static readonly IReadOnlyList<string> Delivered = [Sent, Opened, Clicked, Replied, Meeting];

    /// <summary>Touches the account acted on (a click, a reply or a meeting): an "engaged" touch. Opens alone are not counted, mail clients fake them.</summary>
    public static readonly IReadOnlyList<string> Engaged = [Clicked, Replied, Meeting];

    public static bool IsDelivered(string status) => Delivered.Contains(status);

    public static bool IsEngaged(string status) => Engaged.Contains(status);

    public static int Rank(string status) => Path.ToList().IndexOf(status);

    public static IReadOnlyList<string> TargetsFrom(string from) => [.. AbmVocabulary.TouchpointStatuses.Where(to => Why(from, to) is null)];

    /// <summary>Null when the move is allowed, else why not (in words a rep understands).</summary>
    public static string? Why(string from, string to)
    {
        if (!AbmVocabulary.TouchpointStatuses.Contains(to))
        {
            return $"\"{to}\" is not a touchpoint status; use one of {string.Join(", ", AbmVocabulary.TouchpointStatuses)}.";
        }

        if (from == to)
        {
            return $"The touch is already {from}.";
        }

        if (from is Meeting or Failed or Cancelled)
        {
            return $"A touch that is {from} is final; its outcome can no longer change.";
        }

        if (to == Cancelled)
        {
            return from == Scheduled ? null : $"Only a scheduled touch can be cancelled; this one is already {from}.";
        }

        if (to == Failed)
        {
            return from is Scheduled or Sent ? null : $"A touch that was {from} did reach the account; it cannot fail any more.";
        }

        return Rank(to) > Rank(from)
            ? null
            : $"An outcome cannot go back from {from} to {to}; record {string.Join(", ", Path.Skip(Rank(from) + 1))}, failed or cancelled instead.";
    }

    /// <summary>The engagement score a touch gets when the rep records an outcome without one.</summary>
    public static decimal DefaultScore(string status) => status switch
    {
        Sent => 5m,
        Opened => 15m,
        Clicked => 35m,
        Replied => 60m,
        Meeting => 90m,
        _ => 0m,
    };
}
