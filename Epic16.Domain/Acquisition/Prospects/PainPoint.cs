using System.Text.Json.Serialization;

namespace Epic16.Domain.Acquisition.Prospects;

/// <summary>
/// A pain point: the legacy app wrote either a plain string or `{"area","severity","description"}`.
/// Both shapes are kept as written, so the two stores hold the same documents.
/// </summary>
[JsonConverter(typeof(PainPointJsonConverter))]
public sealed class PainPoint
{
    public string? Area { get; set; }
    public int? Severity { get; set; }
    public string? Description { get; set; }

    /// <summary>True when the legacy value was a bare string (held in <see cref="Description"/>).</summary>
    public bool IsPlainText { get; set; }

    public static PainPoint Plain(string text) => new() { Description = text, IsPlainText = true };
}
