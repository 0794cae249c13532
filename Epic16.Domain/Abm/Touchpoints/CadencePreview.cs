namespace Epic16.Domain.Abm.Touchpoints;

/// <summary>What planning a cadence will create: <see cref="TotalTouches"/> touches for <see cref="Accounts"/> accounts, the first rows to show; target accounts that are quarantined or missing are skipped and listed.</summary>
public sealed record CadencePreview(
    int Accounts, int Steps, int TotalTouches, DateTime FirstAt, DateTime LastAt, IReadOnlyList<CadencePreviewRow> Rows, IReadOnlyList<long> SkippedAccounts);
