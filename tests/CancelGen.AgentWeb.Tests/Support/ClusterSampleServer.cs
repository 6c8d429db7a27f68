using AgentWeb.Hosting;
using Microsoft.AspNetCore.Builder;

namespace CancelGen.AgentWeb.Tests.Support;

/// <summary>
/// One instance of the sample in cluster mode (<c>--cluster --instance N</c>: an Orleans silo on loopback ports beside
/// Kestrel), built by the sample's own host builder. On the real clock (Orleans' failure detector runs on it), with
/// tool calls that last until stopped, so the test never races them.
/// </summary>
internal sealed class ClusterSampleServer : IAsyncDisposable
{
    private ClusterSampleServer(WebApplication app)
    {
        App = app;
        Url = app.Urls.Single();
    }

    public WebApplication App { get; }

    /// <summary>The instance's base URL.</summary>
    public string Url { get; }

    /// <summary>Starts instance <paramref name="instance"/> of the cluster whose primary silo port is <paramref name="basePort"/>.</summary>
    public static async Task<ClusterSampleServer> StartAsync(int instance, int basePort)
    {
        var app = AgentWebHost.Build(
            ["--cluster", "--instance", $"{instance}", "--cluster-base-port", $"{basePort}"],
            new AgentWebSettings
            {
                Url = "http://127.0.0.1:0",
                Chunk = TimeSpan.FromMilliseconds(10),
                ToolLatency = TimeSpan.FromHours(1),
                ContentRoot = RepositoryPaths.AgentWeb,
            });
        await app.StartAsync();
        return new ClusterSampleServer(app);
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }

}
