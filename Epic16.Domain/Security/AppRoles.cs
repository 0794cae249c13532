namespace Epic16.Domain.Security;

/// <summary>The four roles of the product; a user may hold several.</summary>
public static class AppRoles
{
    public const string Admin = "Admin";
    public const string Sales = "Sales";
    public const string CustomerSuccess = "CustomerSuccess";
    public const string Executive = "Executive";

    public static readonly IReadOnlyList<string> All = [Admin, Sales, CustomerSuccess, Executive];

    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);
}
