namespace Epic16.Dashboard.Components.Pages.RoleHome;

/// <summary>One tile of a role's home: a headline, up to a few lines, and the page it links to.</summary>
public sealed record RoleTile(string Key, string Title, string Value, IReadOnlyList<string> Lines, string Href, string LinkText);
