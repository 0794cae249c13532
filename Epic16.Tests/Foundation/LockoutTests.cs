using Epic16.Domain.Security;
using Epic16.Tests.TestSupport;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Epic16.Tests.Foundation;

[Collection(EndToEndCollection.Name)]
public sealed class LockoutTests(DashboardApp app)
{
    [Fact]
    public async Task CheckPasswordSignIn_FiveWrongPasswords_LocksTheAccount()
    {
        const string password = "Lockout-Pass1!";
        var email = $"lock.service.{Guid.NewGuid():N}@epic16.test";
        await app.SeedUserAsync(email, password, AppRoles.Sales);
        await using var scope = app.Services.CreateAsyncScope();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<ApplicationUser>>();
        var user = (await signIn.UserManager.FindByEmailAsync(email))!;

        var results = new List<SignInResult>();
        for (var i = 0; i < 5; i++)
        {
            results.Add(await signIn.CheckPasswordSignInAsync(user, "wrong-password", lockoutOnFailure: true));
        }

        var afterwards = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);

        Assert.All(results.Take(4), r => Assert.False(r.Succeeded || r.IsLockedOut));
        Assert.True(results[4].IsLockedOut, "the fifth wrong password did not lock the account");
        Assert.True(afterwards.IsLockedOut, "the right password got in while locked out");
    }
}
