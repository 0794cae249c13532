using System.Net;
using System.Net.Sockets;

namespace Epic16.Tests.TestSupport;

public static class FreePort
{
    /// <summary>A loopback port nothing listens on right now (the OS hands out a fresh ephemeral one).</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>A connection string to a loopback port with nothing listening: connecting fails at once.</summary>
    public static string UnreachablePostgres() =>
        $"Host=127.0.0.1;Port={Next()};Database=nowhere;Username=postgres;Timeout=3;Pooling=false";
}
