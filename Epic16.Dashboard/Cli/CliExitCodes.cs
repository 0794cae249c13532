namespace Epic16.Dashboard.Cli;

/// <summary>Exit codes every verb keeps to.</summary>
public static class CliExitCodes
{
    public const int Ok = 0;
    public const int Failure = 1;
    public const int Usage = 2;
    public const int Quarantined = 3;
    public const int ParityMismatch = 4;

    /// <summary>`mode set`: refused because a cutover gate is red; nothing changed.</summary>
    public const int GatesRed = 5;
}
