using System.Text.Json;

namespace Epic16.Dashboard.Components.Shared;

/// <summary>
/// Whether what a page read in its prerender may be carried into its circuit ([PersistentState]). The state travels in the
/// page and back to the server in the circuit's first message, which the hub caps (<see cref="MaxCircuitMessageBytes"/>):
/// a larger state would stop the circuit from starting, so a page whose data is larger than <see cref="MaxJsonBytes"/>
/// reads it again in the circuit instead (the cost it had before), never breaks.
/// </summary>
public static class PrerenderState
{
    /// <summary>The hub's limit on one message from the browser (Blazor's default is 32 KB), set in DashboardServices.</summary>
    public const int MaxCircuitMessageBytes = 512 * 1024;

    /// <summary>The JSON a page may carry: protected and base64-encoded it grows by about half, leaving room for the rest of the message.</summary>
    public const int MaxJsonBytes = 192 * 1024;

    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    /// <summary><paramref name="state"/> when it is small enough to carry, else null (read again in the circuit).</summary>
    public static T? IfSmall<T>(T? state) where T : class =>
        state is not null && JsonSerializer.SerializeToUtf8Bytes(state, Web).Length <= MaxJsonBytes ? state : null;
}
