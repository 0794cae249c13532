using Epic16.Dashboard.Components.Shared;

namespace Epic16.Tests.Components;

/// <summary>Which prerendered data a page may carry into its circuit: what fits the hub's message limit, never more.</summary>
public sealed class PrerenderStateTests
{
    [Fact]
    public void IfSmall_SmallState_IsCarried()
    {
        var tiles = new List<string> { "Open escalations: 3", "<b>markup</b> stays text" };

        Assert.Same(tiles, PrerenderState.IfSmall(tiles));
    }

    [Fact]
    public void IfSmall_StateOverTheLimit_IsReadAgainInstead()
    {
        var justUnder = new List<string> { new('x', PrerenderState.MaxJsonBytes - 10) };
        var over = new List<string> { new('x', PrerenderState.MaxJsonBytes) };

        Assert.Same(justUnder, PrerenderState.IfSmall(justUnder));
        Assert.Null(PrerenderState.IfSmall(over));
        Assert.Null(PrerenderState.IfSmall<List<string>>(null));
        // Room is left for the protection and base64 (about 4/3) and the rest of the circuit's first message.
        Assert.True(PrerenderState.MaxJsonBytes * 3 / 2 < PrerenderState.MaxCircuitMessageBytes);
    }
}
