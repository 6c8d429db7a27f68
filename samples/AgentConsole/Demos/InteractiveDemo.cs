using AgentConsole.Agent;
using AgentConsole.Model;
using AgentConsole.Output;
using CancelGen;
using Microsoft.Agents.AI;
using Spectre.Console;

namespace AgentConsole.Demos;

/// <summary>
/// The demo for a person at a terminal: one live agent run they can stop with Ctrl+C (once: after the
/// turn; twice: now), then what the run left: its status, the tool calls, and the kept cancelled turn.
/// </summary>
internal static class InteractiveDemo
{
    /// <summary>Runs the live demo; returns the exit code (0 unless the run faulted).</summary>
    /// <param name="console">The terminal.</param>
    /// <param name="timing">The model's and tools' latencies (<see cref="DemoTiming.Interactive"/> for a person).</param>
    /// <param name="timeProvider">The clock of the latencies and redraws.</param>
    public static async Task<int> RunAsync(IAnsiConsole console, DemoTiming timing, TimeProvider timeProvider)
    {
        var stack = WeatherStack.Create(timing, timeProvider);
        console.Write(new Rule("[bold]CancelGen[/] · an offline weather agent on Microsoft.Extensions.AI").LeftJustified());
        console.MarkupLine("[grey]Ctrl+C once: finish the turn in progress, then stop. Twice: stop now.[/]");
        console.MarkupLine($"[bold]You:[/] {Markup.Escape(WeatherScript.Question)}");

        var session = await stack.Agent.CreateSessionAsync();
        await using var run = stack.Agent.StartStreamingRun(WeatherScript.Question, session);
        using (var keys = new CtrlCCanceller(mode => run.Cancel(mode)))
        {
            await new LiveRunView(console, timeProvider).ShowAsync(run, keys);
        }

        var kept = await run.KeepCancelledTurnAsync(); // waits for the run's end; puts a cancelled turn into the session
        console.MarkupLine($"[bold]{run.Status}[/] after {run.CurrentTurn} turn(s), {stack.Model.Calls} model call(s).");
        PrintKept(console, kept, session);
        return run.Status == RunStatus.Faulted ? 1 : 0;
    }

    private static void PrintKept(IAnsiConsole console, KeptTurn kept, AgentSession session)
    {
        if (!kept.IsKept)
        {
            console.MarkupLine("[grey]Nothing to keep: the run was not cancelled.[/]");
            return;
        }

        var table = new Table().Title("kept of the cancelled turn").AddColumns("role", "text");
        foreach (var message in kept.Messages)
        {
            table.AddRow(Markup.Escape(message.Role.ToString()), Markup.Escape(ContentText.Body(message)));
        }

        console.Write(table);
        var history = session.TryGetInMemoryChatHistory(out var messages) ? messages.Count : 0;
        console.MarkupLine(kept.IsStoredInSession
            ? $"[green]Stored in the session:[/] the next question on it sees these ({history} message(s) of history)."
            : "[yellow]Not stored in the session[/] (returned above only).");
    }
}
