// Typed events consumed with pattern matching and switch expressions, a run chosen by a switch expression,
// and a handle tested with 'is' patterns before use.
using System;
using System.Collections.Generic;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using CancelGen;

namespace RealWorld.Patterns;

public abstract record AgentEvent;

public sealed record TextDelta(string Text) : AgentEvent;

public sealed record ToolCall(string Name, string Arguments) : AgentEvent;

public sealed record ToolResult(string Name, string Result, bool Failed) : AgentEvent;

public sealed record TurnEnded(int Turn) : AgentEvent;

public static class EventAgent
{
    public static RunResultStreaming<AgentEvent> Ask(string question, CancellationToken cancellationToken = default) =>
        RunResultStreaming.Start<AgentEvent>(async (run, ct) =>
        {
            await run.EmitAsync(new TextDelta(question)).ConfigureAwait(false);
            await run.EmitAsync(new ToolCall("weather", "{\"city\":\"Oslo\"}")).ConfigureAwait(false);
            var result = await run.Run(async token =>
            {
                await Task.Delay(1, token).ConfigureAwait(false);
                return "sunny";
            }, "weather").ConfigureAwait(false);
            await run.EmitAsync(new ToolResult("weather", result, Failed: false)).ConfigureAwait(false);
            await run.EndTurnAsync().ConfigureAwait(false);
            await run.EmitAsync(new TurnEnded(run.CurrentTurn)).ConfigureAwait(false);
        }, cancellationToken: cancellationToken);
}

public static class Transcript
{
    public static async Task<string> RenderAsync(string question, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        await using var run = EventAgent.Ask(question, cancellationToken);
        await foreach (var e in run.StreamEvents(cancellationToken))
        {
            var line = e switch
            {
                TextDelta { Text.Length: > 0 } delta => delta.Text,
                ToolCall(var name, _) => $"-> {name}",
                ToolResult { Failed: true } failed => $"!! {failed.Name}",
                ToolResult result => $"<- {result.Name}: {result.Result}",
                TurnEnded { Turn: var turn } => $"--- turn {turn} ---",
                _ => string.Empty,
            };
            text.AppendLine(line);
            if (e is ToolResult { Failed: true })
            {
                break;
            }
        }

        return text.ToString();
    }

    public static async Task<int> CountToolsAsync(bool loud, string question, CancellationToken cancellationToken)
    {
        var run = loud switch
        {
            true => EventAgent.Ask(question.ToUpperInvariant(), cancellationToken),
            false => EventAgent.Ask(question, cancellationToken),
        };
        await using (run)
        {
            var tools = 0;
            await foreach (var e in run.StreamEvents(cancellationToken))
            {
                tools += e is ToolCall ? 1 : 0;
            }

            return tools;
        }
    }

    public static string Describe(object? value) => value switch
    {
        RunResultStreaming<AgentEvent> { Status: RunStatus.Running } running => $"running, turn {running.CurrentTurn}",
        RunResultStreaming<AgentEvent> { Fault: { } fault } => $"failed: {fault.Message}",
        RunResultStreaming<AgentEvent> done => done.Status.ToString(),
        _ => "no run",
    };

    public static void StopIfRunning(object? value)
    {
        if (value is RunResultStreaming<AgentEvent> { IsComplete: false } run)
        {
            run.Cancel();
        }
    }
}
