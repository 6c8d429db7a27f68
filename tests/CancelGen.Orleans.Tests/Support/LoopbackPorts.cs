using System.Net;
using System.Net.Sockets;

namespace CancelGen.Orleans.Tests.Support;

/// <summary>Free loopback ports for the sample's cluster mode (also compiled into the browser tests).</summary>
internal static class LoopbackPorts
{
    /// <summary>A free port, chosen by the system.</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>A base port with the four ports two instances need (silo and gateway each) free.</summary>
    public static int FreeClusterBase()
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var basePort = Random.Shared.Next(20000, 40000);
            if (Enumerable.Range(basePort, 4).All(IsFree))
            {
                return basePort;
            }
        }

        throw new InvalidOperationException("No four consecutive free loopback ports found.");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
