namespace Epic16.Domain.Acquisition.Sequences;

public static class SequenceStepStatus
{
    public const string Scheduled = "scheduled";
    public const string Sent = "sent";
    public const string Replied = "replied";
    public const string Bounced = "bounced";
    public const string Skipped = "skipped";

    public static readonly IReadOnlyList<string> All = [Scheduled, Sent, Replied, Bounced, Skipped];

    public static readonly IReadOnlyList<string> Channels = ["email", "linkedin", "call", "meeting", "direct_mail", "event"];
}
