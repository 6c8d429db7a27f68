using CancelGen;

namespace AgentWeb.Chat;

/// <summary><c>POST /api/chat</c>: starts a run for a prompt and hands it to the run registry; the page then reads <c>/runs/{id}/events</c>.</summary>
internal static class ChatEndpoints
{
    /// <summary>The longest prompt the sample takes.</summary>
    public const int MaxPromptLength = 2000;

    /// <summary>Maps the chat endpoint.</summary>
    public static void MapChat(this WebApplication app) =>
        app.MapPost("/api/chat", async (ChatRequest request, WeatherAgent agent, IRunRegistry runs, HttpContext context) =>
        {
            if (string.IsNullOrWhiteSpace(request.Prompt) || request.Prompt.Length > MaxPromptLength)
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad prompt", detail: $"Send a prompt of 1 to {MaxPromptLength} characters.");
            }

            // AddAsync: in cluster mode, answered once any instance can find the run.
            var id = await runs.AddAsync(agent.Start(request.Prompt), context, context.RequestAborted);
            return Results.Ok(new ChatStarted(id));
        });
}

/// <summary>The body of <c>POST /api/chat</c>.</summary>
/// <param name="Prompt">What the user typed.</param>
internal sealed record ChatRequest(string? Prompt);

/// <summary>The answer of <c>POST /api/chat</c>.</summary>
/// <param name="Id">The run id, for <c>/runs/{id}</c>.</param>
internal sealed record ChatStarted(string Id);
