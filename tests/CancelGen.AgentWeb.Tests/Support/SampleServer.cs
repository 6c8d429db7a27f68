using AgentWeb.Hosting;
using CancelGen;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CancelGen.AgentWeb.Tests.Support;

/// <summary>
/// The sample on Kestrel on a free loopback port, built by the sample's own host builder, on a fake clock: the model
/// streams a word and a tool call ends only when the test moves the clock, so a click lands exactly where the test says.
/// </summary>
internal sealed class SampleServer : IAsyncDisposable
{
    /// <summary>How long each word takes on the fake clock.</summary>
    public static readonly TimeSpan Chunk = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// How long each tool call takes on the fake clock: 600 word steps, so stepping word by word never ends a call by
    /// accident; a test that wants the calls done steps by this much.
    /// </summary>
    public static readonly TimeSpan ToolLatency = TimeSpan.FromMinutes(1);

    private SampleServer(WebApplication app, FakeTimeProvider time)
    {
        App = app;
        Time = time;
        Url = app.Urls.Single();
    }

    public WebApplication App { get; }

    public FakeTimeProvider Time { get; }

    /// <summary>The sample's base URL, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public string Url { get; }

    public IRunRegistry Runs => App.Services.GetRequiredService<IRunRegistry>();

    public static async Task<SampleServer> StartAsync()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        var app = AgentWebHost.Build([], new AgentWebSettings
        {
            Url = "http://127.0.0.1:0",
            Chunk = Chunk,
            ToolLatency = ToolLatency,
            TimeProvider = time,
            ContentRoot = RepositoryPaths.AgentWeb,
        });
        await app.StartAsync();
        return new SampleServer(app, time);
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
