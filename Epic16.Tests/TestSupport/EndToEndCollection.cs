namespace Epic16.Tests.TestSupport;

/// <summary>Browser tests share one running app and one Chromium, and run one after another (2 cores).</summary>
[CollectionDefinition(Name)]
public sealed class EndToEndCollection : ICollectionFixture<DashboardApp>
{
    public const string Name = "EndToEnd";
}
