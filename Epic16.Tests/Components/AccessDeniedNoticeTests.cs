using Bunit;
using Epic16.Dashboard.Components.Shared;
using Epic16.Tests.TestSupport;

namespace Epic16.Tests.Components;

public sealed class AccessDeniedNoticeTests : BunitTestContext
{
    [Fact]
    public void Render_SignedInWithoutRole_ShowsMudAlertAndWayHome()
    {
        var notice = Render<AccessDeniedNotice>();

        var alert = notice.Find("[data-testid=access-denied]");
        Assert.Contains("mud-alert", alert.ClassList);
        Assert.Contains("Access denied", alert.TextContent);
        Assert.Equal("/", notice.Find("a.mud-button-root").GetAttribute("href"));
    }
}
