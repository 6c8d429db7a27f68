using AgentConsole.Agent;
using AgentConsole.Model;
using AgentConsole.Output;
using AgentConsole.Tools;
using CancelGen;
using Microsoft.Agents.AI;
using Microsoft.Extensions.AI;

namespace AgentConsole.Demos;

/// <summary>
/// An agent run in a session, cancelled immediately while the forecast call runs: the tool's token is
/// cancelled, no further model call starts, and the cancelled turn (the question and the partial answer)
/// is kept in the session for the next question.
/// </summary>
internal sealed class ImmediateCancelDemo : IScriptedDemo
{
    /// <inheritdoc />
    public string Title => "Cancel now, in the middle of a tool call; the cancelled turn is kept in the session";

    /// <inheritdoc />
    public async Task<bool> RunAsync(WeatherStack stack, TranscriptPrinter printer)
    {
        var session = await stack.Agent.CreateSessionAsync();
        await using var run = stack.Agent.StartStreamingRun(WeatherScript.Question, session);
        var cancelPoint = FixedPoint.ActAsync(run, stack.Tools.Log.WhenStarted("get_forecast"), _ => run.Cancel());
        await foreach (var update in run.StreamEvents())
        {
            printer.Print(update.Contents);
        }

        var atCancel = await cancelPoint;
        var kept = await run.KeepCancelledTurnAsync(); // waits for the run's end; puts the cancelled turn into the session
        if (atCancel is not null)
        {
            printer.Note("while get_forecast ran: Cancel()");
            printer.TrackedTasks(atCancel);
        }

        printer.Note($"status {run.Status}, stopped in turn {run.CurrentTurn}, model calls {stack.Model.Calls}, still tracked {run.TrackedTasks.Count}");
        printer.Kept(kept.Messages);
        var history = session.TryGetInMemoryChatHistory(out var messages) ? messages : [];
        printer.Note($"the session's history now holds {history.Count} message(s): the next question on it sees them");
        var forecast = stack.Tools.Log.CallsOf("get_forecast");
        return printer.Verdict(
            run.Status == RunStatus.Cancelled
                && forecast.Count == 1 && forecast[0].Outcome == ToolCallOutcome.Cancelled
                && stack.Model.Calls == 2
                && run.TrackedTasks.Count == 0
                && kept.IsStoredInSession
                && history.Any(m => m.Role == ChatRole.User && m.Text == WeatherScript.Question)
                && history.Any(m => m.Role == ChatRole.Assistant && m.Text.Contains("Let me check", StringComparison.Ordinal)),
            "cancelled in turn 2: the forecast call's token was cancelled, no third model call, the question and the partial answer kept in the session");
    }
}
