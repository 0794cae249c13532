namespace Epic16.Dashboard.Components.Layout;

/// <summary>A part of the product a role can open: one entry in the drawer and one tile on the home page.</summary>
public sealed record AppSection(string Title, string Href, string Icon, string Policy, string Description);
