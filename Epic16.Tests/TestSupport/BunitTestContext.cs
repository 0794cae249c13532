using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace Epic16.Tests.TestSupport;

/// <summary>bUnit with MudBlazor's services, loose JS interop and an interactive server renderer, as the app runs.</summary>
public abstract class BunitTestContext : BunitContext
{
    protected BunitTestContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        SetRendererInfo(new RendererInfo("Server", true));
    }

    /// <summary>Menus, selects and tooltips render into the popover provider: render it first, assert on its markup.</summary>
    protected IRenderedComponent<MudPopoverProvider> RenderPopoverProvider() => Render<MudPopoverProvider>();
}
