using AgentConsole.Agent;
using AgentConsole.Model;
using AgentConsole.Output;
using AgentConsole.Tools;
using CancelGen;
using Microsoft.Extensions.AI;

namespace AgentConsole.Demos;

/// <summary>
/// One of two parallel tool calls cancelled alone (<c>CancelTask(id)</c>) while both run: the model is
/// told that call was cancelled, and the run goes on to the end.
/// </summary>
internal sealed class PartialCancelDemo : IScriptedDemo
{
    /// <inheritdoc />
    public string Title => "Cancel one of two parallel tool calls (CancelTask): the run goes on";

    /// <inheritdoc />
    public async Task<bool> RunAsync(WeatherStack stack, TranscriptPrinter printer)
    {
        await using var run = stack.Client.StartStreamingRun([new ChatMessage(ChatRole.User, WeatherScript.Question)], stack.ChatOptions);
        var cancelled = 0L;
        var cancelPoint = FixedPoint.ActAsync(run, stack.Tools.Log.WhenStarted("get_weather", count: 2), tasks =>
        {
            // Both lookups are running; the later one (Oslo, asked second) is cancelled alone.
            var second = tasks.Where(t => t.Name == "get_weather").MaxBy(t => t.Id);
            if (second is not null && run.CancelTask(second.Id))
            {
                cancelled = second.Id;
            }
        });

        await foreach (var update in run.StreamEvents())
        {
            printer.Print(update.Contents);
        }

        var atCancel = await cancelPoint;
        await run.Completion;
        if (atCancel is not null)
        {
            printer.Note($"when both lookups ran: CancelTask({cancelled})");
            printer.TrackedTasks(atCancel);
        }

        printer.Note($"status {run.Status}, turns {run.CurrentTurn}, model calls {stack.Model.Calls}");
        var weather = stack.Tools.Log.CallsOf("get_weather");
        return printer.Verdict(
            run.Status == RunStatus.Completed
                && cancelled != 0
                && weather.Count == 2
                && weather.Single(c => c.Argument == "Oslo").Outcome == ToolCallOutcome.Cancelled
                && weather.Single(c => c.Argument == "Paris").Outcome == ToolCallOutcome.Completed
                && stack.Model.Calls == 3,
            "the Oslo lookup alone was cancelled, Paris returned, the model was told and the run completed (3 model calls)");
    }
}
