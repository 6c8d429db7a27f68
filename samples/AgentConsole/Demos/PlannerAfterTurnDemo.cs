using AgentConsole.Agent;
using AgentConsole.Model;
using AgentConsole.Output;
using AgentConsole.Tools;
using CancelGen;

namespace AgentConsole.Demos;

/// <summary>
/// The app's own <c>[StreamingRun]</c> (<see cref="TripPlanner"/>) over the agent, cancelled after its
/// turn: the question in progress is answered in full, the next one is never asked.
/// </summary>
internal sealed class PlannerAfterTurnDemo : IScriptedDemo
{
    /// <summary>The planner's questions: the second is never asked.</summary>
    public static IReadOnlyList<string> Questions { get; } = [WeatherScript.Question, "And what about next weekend?"];

    /// <inheritdoc />
    public string Title => "The app's [StreamingRun] planner over the agent, cancelled after its turn (one question)";

    /// <inheritdoc />
    public async Task<bool> RunAsync(WeatherStack stack, TranscriptPrinter printer)
    {
        var planner = new TripPlanner(stack.Agent);
        await using var run = planner.AskAllStreamed(Questions); // generated from [StreamingRun] AskAllAsync
        var asked = false;
        await foreach (var tripEvent in run.StreamEvents())
        {
            printer.Print(tripEvent);
            if (!asked && tripEvent is ToolRequested)
            {
                printer.Note("planner: Cancel(CancelMode.AfterTurn)");
                run.Cancel(CancelMode.AfterTurn);
                asked = true;
            }
        }

        await run.Completion;
        var answers = run.SavedProgress as string[] ?? [];
        printer.Note($"planner status {run.Status}; saved progress: {answers.Length} answer(s); model calls {stack.Model.Calls}");
        var calls = stack.Tools.Log.Calls;
        return printer.Verdict(
            run.Status == RunStatus.Cancelled
                && answers.Length == 1
                && stack.Model.Calls == 3
                && calls.Count == 3 && calls.All(c => c.Outcome == ToolCallOutcome.Completed),
            "the first question was answered in full (3 model calls, 3 tool calls), the second never asked");
    }
}
