using CancelGen.Endpoints;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CancelGen;

/// <summary>Maps the HTTP endpoints of the runs held by <see cref="IRunRegistry"/>.</summary>
public static class StreamingRunsEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps, under <paramref name="prefix"/>:
    /// <list type="bullet">
    /// <item><c>GET {prefix}/{id}</c>: the status JSON <c>{"id","status","turn","isPaused","trackedTasks":[{"id","name","status"}]}</c>;</item>
    /// <item><c>GET {prefix}/{id}/events</c>: server-sent events (<c>id</c>, <c>event</c> = the event's runtime type
    /// name, <c>data</c> = JSON), resumed after <c>Last-Event-ID</c> (or the <c>lastEventId</c> query parameter), and a
    /// last <c>event: end</c> frame with the status JSON;</item>
    /// <item><c>POST {prefix}/{id}/cancel?mode=immediate|afterTurn</c>, <c>POST {prefix}/{id}/pause</c>,
    /// <c>POST {prefix}/{id}/resume</c>, <c>POST {prefix}/{id}/tasks/{taskId}/cancel</c>: 200 with the status JSON.</item>
    /// </list>
    /// A run owned by another user answers 404 like an unknown id; malformed input answers 400; both with a
    /// problem-details body.
    /// </summary>
    /// <param name="endpoints">The app.</param>
    /// <param name="prefix">The route prefix. Default: <c>/runs</c>.</param>
    /// <returns>The group, for <c>RequireAuthorization</c>, rate limiting and other conventions.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="endpoints"/> or <paramref name="prefix"/> is null.</exception>
    public static RouteGroupBuilder MapStreamingRuns(this IEndpointRouteBuilder endpoints, string prefix = "/runs")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(prefix);
        var group = endpoints.MapGroup(prefix);
        group.MapGet("/{id}", RunEndpoints.GetStatusAsync);
        group.MapGet("/{id}/events", RunEndpoints.GetEventsAsync);
        group.MapPost("/{id}/cancel", RunEndpoints.CancelAsync);
        group.MapPost("/{id}/pause", RunEndpoints.PauseAsync);
        group.MapPost("/{id}/resume", RunEndpoints.ResumeAsync);
        group.MapPost("/{id}/tasks/{taskId}/cancel", RunEndpoints.CancelTaskAsync);
        return group;
    }
}
