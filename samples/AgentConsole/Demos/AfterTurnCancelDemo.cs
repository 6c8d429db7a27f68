using AgentConsole.Agent;
using AgentConsole.Model;
using AgentConsole.Output;
using AgentConsole.Tools;
using CancelGen;
using Microsoft.Extensions.AI;

namespace AgentConsole.Demos;

/// <summary>
/// A chat client run (<c>IChatClient.StartStreamingRun</c>) cancelled after the turn, asked as soon as
/// the model requests its two tools: both calls finish, and no further model call starts.
/// </summary>
internal sealed class AfterTurnCancelDemo : IScriptedDemo
{
    /// <inheritdoc />
    public string Title => "Cancel after the turn, asked when the model requests its tools (IChatClient.StartStreamingRun)";

    /// <inheritdoc />
    public async Task<bool> RunAsync(WeatherStack stack, TranscriptPrinter printer)
    {
        await using var run = stack.Client.StartStreamingRun([new ChatMessage(ChatRole.User, WeatherScript.Question)], stack.ChatOptions);
        var asked = false;
        await foreach (var update in run.StreamEvents())
        {
            printer.Print(update.Contents);
            if (!asked && update.Contents.OfType<FunctionCallContent>().Any())
            {
                printer.Note("Cancel(CancelMode.AfterTurn)");
                run.Cancel(CancelMode.AfterTurn);
                asked = true;
            }
        }

        await run.Completion;
        printer.Note($"status {run.Status}, stopped in turn {run.CurrentTurn}, model calls {stack.Model.Calls}, still tracked {run.TrackedTasks.Count}");
        var weather = stack.Tools.Log.CallsOf("get_weather");
        return printer.Verdict(
            run.Status == RunStatus.Cancelled
                && stack.Model.Calls == 1
                && weather.Count == 2 && weather.All(c => c.Outcome == ToolCallOutcome.Completed)
                && stack.Tools.Log.Calls.Count == 2
                && run.TrackedTasks.Count == 0,
            "cancelled after turn 1: both of its tool calls returned, no second model call, nothing left running");
    }
}
