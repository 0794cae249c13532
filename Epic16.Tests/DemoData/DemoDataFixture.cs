using Epic16.Domain.DemoData;
using Epic16.Tests.TestSupport;

namespace Epic16.Tests.DemoData;

/// <summary>One scale-1 demo data set, generated once for the tests that only read it.</summary>
public sealed class DemoDataFixture : IAsyncLifetime
{
    private readonly TempFolder _folder = new();

    public string Directory => _folder.Path;

    public DemoDataResult Result { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Result = await DemoDataGenerator.GenerateAsync(_folder.Path, 1, null, TestContext.Current.CancellationToken);

    public ValueTask DisposeAsync()
    {
        _folder.Dispose();
        return ValueTask.CompletedTask;
    }
}
