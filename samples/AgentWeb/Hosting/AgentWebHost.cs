using AgentWeb.Chat;
using CancelGen;

namespace AgentWeb.Hosting;

/// <summary>
/// The one place the sample's host is built: services, middleware and endpoints. <c>Program.cs</c>, the browser
/// tests and the load test all start the app through here (a cluster mode adds its services in <see cref="CreateBuilder"/>).
/// </summary>
internal static class AgentWebHost
{
    /// <summary>The app, built and mapped, not started.</summary>
    public static WebApplication Build(string[] args, AgentWebSettings settings)
    {
        var app = CreateBuilder(args, settings).Build();
        Map(app);
        return app;
    }

    /// <summary>The builder with every service the sample needs.</summary>
    public static WebApplicationBuilder CreateBuilder(string[] args, AgentWebSettings settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = settings.ContentRoot,
        });
        if (settings.Url is not null)
        {
            builder.WebHost.UseUrls(settings.Url);
        }

        builder.Services.AddSingleton(settings.TimeProvider);
        builder.Services.AddSingleton(new WeatherAgent(settings.Chunk, settings.ToolLatency, settings.TimeProvider));
        builder.Services.AddProblemDetails();
        var runs = builder.Services.AddStreamingRuns(options => options.DetachedRunTimeout = TimeSpan.FromMinutes(2));
        ClusterMode.FromArgs(args)?.Apply(builder, runs, settings);
        return builder;
    }

    /// <summary>Middleware and endpoints: the page, <c>POST /api/chat</c>, and the run endpoints under <c>/runs</c>.</summary>
    public static void Map(WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.MapChat();
        app.MapStreamingRuns("/runs");
    }
}
