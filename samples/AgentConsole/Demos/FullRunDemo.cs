using AgentConsole.Agent;
using AgentConsole.Model;
using AgentConsole.Output;
using AgentConsole.Tools;
using CancelGen;

namespace AgentConsole.Demos;

/// <summary>An agent run (<c>AIAgent.StartStreamingRun</c>) read to the end.</summary>
internal sealed class FullRunDemo : IScriptedDemo
{
    /// <inheritdoc />
    public string Title => "An agent run to the end (AIAgent.StartStreamingRun)";

    /// <inheritdoc />
    public async Task<bool> RunAsync(WeatherStack stack, TranscriptPrinter printer)
    {
        await using var run = stack.Agent.StartStreamingRun(WeatherScript.Question);
        await foreach (var update in run.StreamEvents())
        {
            printer.Print(update.Contents);
        }

        var response = await run.FinalOutput;
        printer.Note($"status {run.Status}, turns {run.CurrentTurn}, model calls {stack.Model.Calls}; final output: {response.Messages.Count} message(s)");
        var calls = stack.Tools.Log.Calls;
        return printer.Verdict(
            run.Status == RunStatus.Completed && stack.Model.Calls == 3 && calls.Count == 3 && calls.All(c => c.Outcome == ToolCallOutcome.Completed),
            "completed: 3 model calls, 3 tool calls, all returned");
    }
}
