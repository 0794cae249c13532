using System.Text.RegularExpressions;

namespace Epic16.Tests.TestSupport;

/// <summary>A page's route template (e.g. <c>/acquisition/prospects/{Id:long}</c>) and its authorization policy.</summary>
public sealed partial record AppRoute(string Template, string? Policy)
{
    public bool HasParameters => Template.Contains('{', StringComparison.Ordinal);

    /// <summary>True when a path (from a link on a page) fills this route's parameters.</summary>
    public bool Matches(string path) =>
        new Regex("^" + Parameter().Replace(Regex.Escape(Template).Replace(@"\{", "{", StringComparison.Ordinal), "[^/?#]+") + "$", RegexOptions.IgnoreCase)
            .IsMatch(path);

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex Parameter();
}
