using System.Text;
using CancelGen;
using Microsoft.Agents.AI;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace AgentConsole.Output;

/// <summary>
/// Shows an agent run live in the terminal: the answer as it streams, the table of tool calls from
/// <c>run.TrackedTasks</c>, and a status line with the turn and what Ctrl+C will do. Redraws on every
/// update and at a short interval between updates (tool calls change state while no text streams).
/// </summary>
/// <param name="console">The terminal.</param>
/// <param name="timeProvider">The clock of the redraw interval.</param>
internal sealed class LiveRunView(IAnsiConsole console, TimeProvider timeProvider)
{
    private static readonly TimeSpan RedrawInterval = TimeSpan.FromMilliseconds(100);

    private readonly StringBuilder _answer = new();
    private readonly ToolCallBoard _board = new();

    /// <summary>Reads <paramref name="run"/> to its end, drawing as it goes.</summary>
    public async Task ShowAsync(RunResultStreaming<AgentResponseUpdate> run, CtrlCCanceller keys)
    {
        await console.Live(Render(run, keys))
            .AutoClear(false)
            .Overflow(VerticalOverflow.Ellipsis)
            .StartAsync(async context =>
            {
                await using var events = run.StreamEvents().GetAsyncEnumerator();
                var next = events.MoveNextAsync().AsTask();
                while (true)
                {
                    var redraw = Task.Delay(RedrawInterval, timeProvider);
                    if (await Task.WhenAny(next, redraw).ConfigureAwait(false) == next)
                    {
                        if (!await next.ConfigureAwait(false))
                        {
                            break;
                        }

                        _answer.Append(events.Current.Text);
                        _board.Take(events.Current.Contents);
                        next = events.MoveNextAsync().AsTask();
                    }

                    context.UpdateTarget(Render(run, keys));
                }

                await run.Completion.ConfigureAwait(false); // the last frame shows every tool call ended
                context.UpdateTarget(Render(run, keys));
            })
            .ConfigureAwait(false);
    }

    private Rows Render(RunResultStreaming<AgentResponseUpdate> run, CtrlCCanceller keys)
    {
        _board.Observe(run.TrackedTasks, run.Status == RunStatus.Cancelled);
        var answer = new Panel(new Text(_answer.Length == 0 ? "…" : _answer.ToString()))
            .Header("weather agent")
            .Expand();
        return new Rows(new IRenderable[] { answer, _board.Render(), new Markup(StatusLine(run, keys)) });
    }

    private static string StatusLine(RunResultStreaming<AgentResponseUpdate> run, CtrlCCanceller keys)
    {
        var state = $"turn {run.CurrentTurn} · {run.Status}";
        if (run.IsComplete)
        {
            return $"[bold]{state}[/]";
        }

        return keys.Presses switch
        {
            0 => $"{state} · [grey]Ctrl+C: stop after this turn[/]",
            1 => $"{state} · [yellow]stopping after turn {run.CurrentTurn}[/] [grey](Ctrl+C again: stop now)[/]",
            _ => $"{state} · [red]stopping now[/]",
        };
    }
}
