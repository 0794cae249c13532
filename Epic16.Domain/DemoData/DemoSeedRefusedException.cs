namespace Epic16.Domain.DemoData;

/// <summary>`seed-demo --force` would overwrite live legacy files where that is not allowed; nothing was changed.</summary>
public sealed class DemoSeedRefusedException(string message) : Exception(message);
