using Epic16.Domain.DemoData;
using Epic16.Domain.Persistence;
using Epic16.Domain.Security;

namespace Epic16.Dashboard.Cli;

public static class CliErrors
{
    /// <summary>Failures whose message is written for the operator: shown as one line, without a stack trace.</summary>
    public static bool IsExpected(Exception e) =>
        e is StoreUnavailableException or DemoSeedRefusedException or UserAdministrationException or AccessDeniedException or InvalidOperationException or ArgumentException or IOException;
}
