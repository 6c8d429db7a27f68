// ASP.NET Core handlers: a minimal-API endpoint streaming a run as server-sent events, cancelled when the client
// goes away (HttpContext.RequestAborted), a controller-less cancel endpoint over a registry, and middleware.
using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using CancelGen;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace RealWorld.AspNet;

public sealed class AnswerEngine
{
    public RunResultStreaming<string> Answer(string question, CancellationToken cancellationToken) =>
        RunResultStreaming.Start<string>((run, ct) => Words(question, ct), new RunOptions { Name = "http-answer", BufferCapacity = 16 }, cancellationToken);

    private static async IAsyncEnumerable<string> Words(string question, [EnumeratorCancellation] CancellationToken ct)
    {
        foreach (var word in question.Split(' '))
        {
            await Task.Delay(1, ct).ConfigureAwait(false);
            yield return word;
        }
    }
}

public sealed class LiveRuns
{
    private readonly ConcurrentDictionary<string, RunResultStreaming<string>> _runs = new(StringComparer.Ordinal);

    public void Register(string id, RunResultStreaming<string> run) => _runs[id] = run;

    public async Task<bool> StopAsync(string id)
    {
        if (!_runs.TryRemove(id, out var run))
        {
            return false;
        }

        await run.DisposeAsync().ConfigureAwait(false);
        return true;
    }
}

public static class Endpoints
{
    public static IEndpointRouteBuilder MapAnswers(this IEndpointRouteBuilder app)
    {
        app.MapGet("/answer", static async (HttpContext context, AnswerEngine engine, string q) =>
        {
            context.Response.ContentType = "text/event-stream";
            await using var run = engine.Answer(q, context.RequestAborted);
            await foreach (var word in run.StreamEvents(context.RequestAborted))
            {
                await context.Response.WriteAsync($"data: {word}\n\n", context.RequestAborted).ConfigureAwait(false);
                await context.Response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
            }
        });

        app.MapPost("/answer/{id}", static (string id, string q, AnswerEngine engine, LiveRuns live) =>
        {
            live.Register(id, engine.Answer(q, CancellationToken.None));
            return Results.Accepted($"/answer/{id}");
        });

        app.MapDelete("/answer/{id}", static async (string id, LiveRuns live) =>
            await live.StopAsync(id).ConfigureAwait(false) ? Results.NoContent() : Results.NotFound());

        return app;
    }

    public static IApplicationBuilder UseAnswerHeader(this IApplicationBuilder app) =>
        app.Use(static async (context, next) =>
        {
            var engine = context.RequestServices.GetService(typeof(AnswerEngine)) as AnswerEngine;
            if (engine is not null && context.Request.Query.TryGetValue("peek", out var peek))
            {
                var run = engine.Answer(peek.ToString(), context.RequestAborted);
                try
                {
                    await foreach (var word in run.StreamEvents(context.RequestAborted))
                    {
                        context.Response.Headers["X-First-Word"] = word;
                        break;
                    }
                }
                finally
                {
                    await run.CancelAsync().ConfigureAwait(false);
                }
            }

            await next(context).ConfigureAwait(false);
        });
}
