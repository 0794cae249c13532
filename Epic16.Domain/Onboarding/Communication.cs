namespace Epic16.Domain.Onboarding;

/// <summary>An entry of a client's communication log (legacy `communications`).</summary>
public class Communication
{
    public long Id { get; set; }
    public long ClientId { get; set; }
    public string Channel { get; set; } = "";
    public string Direction { get; set; } = "outbound";
    public string? Subject { get; set; }
    public string? Summary { get; set; }
    public string? Author { get; set; }
    public DateTime OccurredAt { get; set; }
}
