using Bunit;
using Epic16.Tests.TestSupport;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Epic16.Tests.Components;

public sealed class PopoverProviderTests : BunitTestContext
{
    [Fact]
    public void MudMenu_ActivatorClicked_ItemsRenderIntoThePopoverProvider()
    {
        var provider = RenderPopoverProvider();
        var menu = Render<MudMenu>(p => p
            .Add(m => m.Label, "Account")
            .Add(m => m.ChildContent, (RenderFragment)(b =>
            {
                b.OpenComponent<MudMenuItem>(0);
                b.AddAttribute(1, nameof(MudMenuItem.ChildContent), (RenderFragment)(c => c.AddContent(0, "Sign out")));
                b.CloseComponent();
            })));
        Assert.DoesNotContain("Sign out", provider.Markup);

        menu.Find("button").Click();

        provider.WaitForAssertion(() => Assert.Contains("Sign out", provider.Markup));
        Assert.DoesNotContain("Sign out", menu.Markup);
    }
}
