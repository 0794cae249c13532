using Epic16.Domain.Crm;
using Epic16.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Epic16.Tests.Crm;

/// <summary>CRM search takes what is typed literally: `%` and `_` are characters to find, not LIKE wildcards.</summary>
public sealed class CrmSearchTests(PostgresServer postgres)
{
    [Theory]
    [InlineData("%", "Hundred% Fit")]
    [InlineData("A_B", "A_B Holdings")]
    [InlineData("\\", "Back\\slash Ltd")]
    public async Task ContactsAsync_WildcardCharacters_MatchOnlyThemselves(string search, string expected)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var services = TestServices.Create(await postgres.CreateDatabaseAsync("crm_search", ct));
        await using var scope = services.CreateAsyncScope();
        var crm = scope.ServiceProvider.GetRequiredService<CrmService>();
        foreach (var company in new[] { "Hundred% Fit", "Hundred Fit", "A_B Holdings", "AxB Holdings", "Back\\slash Ltd", "Plain Co" })
        {
            await crm.CreateContactAsync($"Contact of {company}", $"c{Guid.NewGuid():N}@example.test", company, null, "test", ct);
        }

        var found = await crm.ContactsAsync(TestUser.Rep, search, ct: ct);

        Assert.Equal([expected], found.Select(c => c.Company));
    }
}
