using CancelGen.Internal;
using CancelGen.Logging;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CancelGen.Endpoints;

/// <summary>
/// The handlers <c>MapStreamingRuns</c> maps. They talk to runs only through <see cref="IRunRegistry"/> and
/// <see cref="IRegisteredRun"/>, and own the answers: 400 for malformed input, 404 for unknown ids and for runs of
/// other users (never 403), the status JSON and the SSE framing.
/// </summary>
internal static class RunEndpoints
{
    /// <summary>The logger category of the request-level logs.</summary>
    public const string LogCategory = "CancelGen.AspNetCore.RunEndpoints";

    /// <summary><c>GET {prefix}/{id}</c>.</summary>
    public static async Task<IResult> GetStatusAsync(string id, HttpContext context)
    {
        var lookup = await FindAsync(id, context).ConfigureAwait(false);
        if (lookup.Run is not { } run)
        {
            return lookup.Problem!;
        }

        return Answer(context, await run.GetStateAsync(context.RequestAborted).ConfigureAwait(false));
    }

    /// <summary><c>GET {prefix}/{id}/events</c>.</summary>
    public static async Task<IResult> GetEventsAsync(string id, HttpContext context)
    {
        var lookup = await FindAsync(id, context).ConfigureAwait(false);
        if (lookup.Run is not { } run)
        {
            return lookup.Problem!;
        }

        if (!RunRequestParsing.TryParseLastEventId(context.Request, out var lastEventId))
        {
            return Reject(context, RunProblems.BadRequest("Malformed Last-Event-ID", "Last-Event-ID (or the lastEventId query parameter) must be one non-negative whole number."));
        }

        var state = await run.GetStateAsync(context.RequestAborted).ConfigureAwait(false);
        // A lost run's last event number is only known as of its last recorded transition: a reader may have more.
        if (lastEventId > state.LastEventId && state.Status != RegisteredRunStatus.Lost)
        {
            return Reject(context, RunProblems.BadRequest("Malformed Last-Event-ID", $"Last-Event-ID {lastEventId} is after the run's last event ({state.LastEventId})."));
        }

        var policy = context.RequestServices.GetRequiredService<IOptions<StreamingRunsOptions>>().Value.DisconnectPolicy;
        return TypedResults.ServerSentEvents(RunEventStream.FramesAsync(run, lastEventId, policy, Logger(context), context.RequestAborted));
    }

    /// <summary><c>POST {prefix}/{id}/cancel?mode=immediate|afterTurn</c>.</summary>
    public static async Task<IResult> CancelAsync(string id, HttpContext context)
    {
        var lookup = await FindAsync(id, context).ConfigureAwait(false);
        if (lookup.Run is not { } run)
        {
            return lookup.Problem!;
        }

        if (!RunRequestParsing.TryParseMode(context.Request.Query["mode"], out var mode))
        {
            return Reject(context, RunProblems.BadRequest("Malformed cancel mode", "The mode query parameter must be 'immediate' or 'afterTurn'."));
        }

        Logger(context).CancelRequested(run.Id, mode);
        return Answer(context, await run.CancelAsync(mode, context.RequestAborted).ConfigureAwait(false));
    }

    /// <summary><c>POST {prefix}/{id}/pause</c>.</summary>
    public static async Task<IResult> PauseAsync(string id, HttpContext context)
    {
        var lookup = await FindAsync(id, context).ConfigureAwait(false);
        return lookup.Run is { } run ? Answer(context, await run.PauseAsync(context.RequestAborted).ConfigureAwait(false)) : lookup.Problem!;
    }

    /// <summary><c>POST {prefix}/{id}/resume</c>.</summary>
    public static async Task<IResult> ResumeAsync(string id, HttpContext context)
    {
        var lookup = await FindAsync(id, context).ConfigureAwait(false);
        return lookup.Run is { } run ? Answer(context, await run.ResumeAsync(context.RequestAborted).ConfigureAwait(false)) : lookup.Problem!;
    }

    /// <summary><c>POST {prefix}/{id}/tasks/{taskId}/cancel</c>.</summary>
    public static async Task<IResult> CancelTaskAsync(string id, string taskId, HttpContext context)
    {
        var lookup = await FindAsync(id, context).ConfigureAwait(false);
        if (lookup.Run is not { } run)
        {
            return lookup.Problem!;
        }

        if (!RunRequestParsing.TryParseTaskId(taskId, out var task))
        {
            return Reject(context, RunProblems.BadRequest("Malformed task id", "A task id is a non-negative whole number (trackedTasks[].id in the run's status)."));
        }

        if (!await run.CancelTaskAsync(task, context.RequestAborted).ConfigureAwait(false))
        {
            return Reject(context, RunProblems.TaskNotFound(run.Id, task));
        }

        return Answer(context, await run.GetStateAsync(context.RequestAborted).ConfigureAwait(false));
    }

    private static async Task<RunLookup> FindAsync(string id, HttpContext context)
    {
        if (!RunIds.IsWellFormed(id))
        {
            return new RunLookup(null, Reject(context, RunProblems.BadRequest("Malformed run id", $"A run id is {RunIds.Length} characters of base64url.")));
        }

        var registry = context.RequestServices.GetRequiredService<IRunRegistry>();
        var run = await registry.FindAsync(id, context.RequestAborted).ConfigureAwait(false);
        if (run is null || !RunOwners.MayAccess(run.Owner, context.User))
        {
            return new RunLookup(null, Reject(context, RunProblems.RunNotFound(id)));
        }

        return new RunLookup(run, null);
    }

    private static JsonHttpResult<StatusDocument> Answer(HttpContext context, RegisteredRunState state)
    {
        Logger(context).RequestAnswered(context.Request.Method, context.Request.Path, state.Id, StatusCodes.Status200OK);
        return TypedResults.Json(StatusDocument.From(state), StatusJsonContext.Default.StatusDocument);
    }

    private static ProblemHttpResult Reject(HttpContext context, ProblemHttpResult problem)
    {
        Logger(context).RequestRejected(context.Request.Method, context.Request.Path, problem.StatusCode, problem.ProblemDetails.Title ?? string.Empty);
        return problem;
    }

    private static ILogger Logger(HttpContext context) =>
        context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(LogCategory);

    /// <summary>A run the caller may use, or the answer to give instead.</summary>
    private readonly record struct RunLookup(IRegisteredRun? Run, IResult? Problem);
}
