namespace Epic16.Dashboard.Hosting;

/// <summary>How soon a role change, lockout or disabled account reaches open sessions (circuits and cookies).</summary>
public sealed record SessionSettings(TimeSpan RevalidationInterval)
{
    public const string RevalidationKey = "Security:RevalidationSeconds";

    public static SessionSettings From(IConfiguration configuration) =>
        new(TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue(RevalidationKey, 60))));
}
