using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace CancelGen.AspNetCore.Tests.Support;

/// <summary>
/// An app on <see cref="TestServer"/> with <c>AddStreamingRuns</c> / <c>MapStreamingRuns</c>, a test authentication
/// scheme, a <see cref="FakeTimeProvider"/> and captured logs. <c>POST /start</c> registers the next
/// <see cref="ScriptedRun"/> the test handed over and answers its id.
/// </summary>
public sealed class TestApp : IAsyncDisposable
{
    private readonly Queue<ScriptedRun> _next = new();

    private TestApp(WebApplication app, FakeTimeProvider time, LogCapture logs)
    {
        App = app;
        Time = time;
        Logs = logs;
    }

    public WebApplication App { get; }

    public FakeTimeProvider Time { get; }

    public LogCapture Logs { get; }

    public TestServer Server => App.GetTestServer();

    /// <summary>The last answer of <c>POST /start</c> (to look at a refusal).</summary>
    public HttpResponseMessage? LastStartResponse { get; private set; }

    public static async Task<TestApp> StartAsync(
        Action<StreamingRunsOptions>? configure = null,
        Action<WebApplicationBuilder>? build = null,
        Action<RouteGroupBuilder>? group = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));
        var logs = new LogCapture();
        builder.Logging.ClearProviders().SetMinimumLevel(LogLevel.Debug).AddProvider(logs);
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddAuthentication(TestAuthHandler.SchemeName).AddScheme<AuthenticationSchemeOptions, TestAuthHandler>(TestAuthHandler.SchemeName, null);
        builder.Services.AddAuthorization();
        builder.Services.AddProblemDetails();
        builder.Services.AddStreamingRuns(configure);
        build?.Invoke(builder);

        var app = builder.Build();
        var testApp = new TestApp(app, time, logs);
        app.UseExceptionHandler();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapPost("/start", (HttpContext context, IRunRegistry runs) => TypedResults.Ok(new StartAnswer(runs.Add(testApp.TakeNext().Handle, context))));
        var runGroup = app.MapStreamingRuns();
        group?.Invoke(runGroup);
        await app.StartAsync();
        return testApp;
    }

    /// <summary>A client acting as <paramref name="user"/> (NameIdentifier claim), or anonymous.</summary>
    public HttpClient Client(string? user = null)
    {
        var client = Server.CreateClient();
        if (user is not null)
        {
            client.DefaultRequestHeaders.Add(TestAuthHandler.UserHeader, user);
        }

        return client;
    }

    /// <summary>Registers <paramref name="run"/> through <c>POST /start</c> as <paramref name="client"/>'s user; returns its id.</summary>
    public async Task<string> AddAsync(HttpClient client, ScriptedRun run)
    {
        lock (_next)
        {
            _next.Enqueue(run);
        }

        var response = await client.PostAsync("/start", null);
        LastStartResponse = response;
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<StartAnswer>())!.Id;
    }

    /// <summary>Starts a scripted run as <paramref name="client"/>'s user.</summary>
    public async Task<(ScriptedRun Run, string Id)> StartRunAsync(HttpClient client)
    {
        var run = new ScriptedRun();
        return (run, await AddAsync(client, run));
    }

    /// <summary>GET the status JSON.</summary>
    public static async Task<JsonElement> StatusAsync(HttpClient client, string id)
    {
        var response = await client.GetAsync($"/runs/{id}");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>POST a control route; returns the status JSON.</summary>
    public static async Task<JsonElement> PostAsync(HttpClient client, string path)
    {
        var response = await client.PostAsync(path, null);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }

    private ScriptedRun TakeNext()
    {
        lock (_next)
        {
            return _next.Dequeue();
        }
    }

    /// <summary>The answer of <c>POST /start</c>.</summary>
    public sealed record StartAnswer(string Id);
}
