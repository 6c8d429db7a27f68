using System.Net.Http.Json;
using System.Text.Json;
using CancelGen.Cluster;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.TestingHost;

namespace CancelGen.Orleans.Tests.Support;

/// <summary>
/// One instance of the app: an in-process silo and, beside it, the HTTP endpoints on a <see cref="TestServer"/> that
/// use the silo's <see cref="IRunRegistry"/> (as one ASP.NET Core app hosting a silo would).
/// </summary>
public sealed class ClusterInstance : IAsyncDisposable
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, ScriptedRun> _next = new();

    private ClusterInstance(string name, InProcessSiloHandle silo, WebApplication web)
    {
        Name = name;
        Silo = silo;
        Web = web;
    }

    /// <summary>A, B or C.</summary>
    public string Name { get; }

    /// <summary>The silo.</summary>
    public InProcessSiloHandle Silo { get; }

    /// <summary>The HTTP side.</summary>
    public WebApplication Web { get; }

    /// <summary>The silo's registry (the one the endpoints use).</summary>
    public IRunRegistry Registry => Silo.ServiceProvider.GetRequiredService<IRunRegistry>();

    /// <summary>How many live runs this instance owns.</summary>
    internal int OwnedLiveRuns => Silo.ServiceProvider.GetRequiredService<OwnedRuns>().Count;

    /// <summary>Starts the HTTP side of <paramref name="silo"/>.</summary>
    public static async Task<ClusterInstance> StartAsync(string name, InProcessSiloHandle silo)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Services.AddAuthentication(TestAuthHandler.SchemeName).AddScheme<AuthenticationSchemeOptions, TestAuthHandler>(TestAuthHandler.SchemeName, null);
        builder.Services.AddAuthorization();
        builder.Services.AddProblemDetails();
        builder.Services.AddStreamingRuns();
        builder.Services.AddSingleton(silo.ServiceProvider.GetRequiredService<IRunRegistry>());
        var app = builder.Build();
        var instance = new ClusterInstance(name, silo, app);
        app.UseExceptionHandler();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapPost("/start", async (Guid key, HttpContext context, IRunRegistry runs) => TypedResults.Ok(new StartAnswer(await runs.AddAsync(instance.Take(key).Handle, context))));
        app.MapStreamingRuns();
        await app.StartAsync();
        return instance;
    }

    /// <summary>A client of this instance acting as <paramref name="user"/> (anonymous when null).</summary>
    public HttpClient Client(string? user = null)
    {
        var client = Web.GetTestServer().CreateClient();
        if (user is not null)
        {
            client.DefaultRequestHeaders.Add(TestAuthHandler.UserHeader, user);
        }

        return client;
    }

    /// <summary>Starts a scripted run on this instance through <c>POST /start</c> (<see cref="IRunRegistry.AddAsync"/>) as <paramref name="user"/>.</summary>
    public async Task<(ScriptedRun Run, string Id)> StartRunAsync(string? user = null)
    {
        var run = new ScriptedRun();
        var key = Guid.NewGuid();
        _next[key] = run;
        using var client = Client(user);
        var response = await client.PostAsync($"/start?key={key}", null);
        response.EnsureSuccessStatusCode();
        return (run, (await response.Content.ReadFromJsonAsync<StartAnswer>())!.Id);
    }

    /// <summary><c>GET /runs/{id}</c> through this instance: the status JSON.</summary>
    public async Task<JsonElement> StatusAsync(string id, string? user = null)
    {
        using var client = Client(user);
        var response = await client.GetAsync($"/runs/{id}");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>POSTs a control route through this instance; returns the status JSON.</summary>
    public async Task<JsonElement> PostAsync(string path, string? user = null)
    {
        using var client = Client(user);
        var response = await client.PostAsync(path, null);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async ValueTask DisposeAsync()
    {
        await Web.StopAsync();
        await Web.DisposeAsync();
    }

    private ScriptedRun Take(Guid key) => _next.TryRemove(key, out var run) ? run : throw new InvalidOperationException($"No scripted run {key}.");

    private sealed record StartAnswer(string Id);
}
