using System.Globalization;
using CancelGen;
using Microsoft.Extensions.AI;
using Spectre.Console;

namespace AgentConsole.Output;

/// <summary>
/// The live table of tool calls: rows come from the run's <c>TrackedTasks</c> (each function call is a
/// task named after the function); the streamed call requests and results fill in arguments and results,
/// matched by function name in call order.
/// </summary>
internal sealed class ToolCallBoard
{
    private readonly List<ToolCallRow> _rows = [];
    private readonly List<FunctionCallContent> _requests = [];
    private readonly Dictionary<string, string> _results = new(StringComparer.Ordinal);

    /// <summary>Takes in the tool calls and results an update carries.</summary>
    public void Take(IEnumerable<AIContent> contents)
    {
        foreach (var content in contents)
        {
            switch (content)
            {
                case FunctionCallContent call:
                    _requests.Add(call);
                    break;
                case FunctionResultContent result:
                    _results[result.CallId] = ContentText.Result(result);
                    break;
            }
        }

        Match();
    }

    /// <summary>Takes in the run's tracked tasks now: new ones become rows, missing ones have ended.</summary>
    /// <param name="live">The run's <c>TrackedTasks</c>.</param>
    /// <param name="runCancelled">Whether the run was cancelled: a task that ended without a result was stopped.</param>
    public void Observe(IReadOnlyList<TrackedTaskInfo> live, bool runCancelled)
    {
        foreach (var row in _rows.Where(r => !r.Ended))
        {
            var now = live.FirstOrDefault(t => t.Id == row.Task.Id);
            row.Ended = now is null;
            row.Task = now ?? row.Task;
            row.Cancelled |= row.Task.Status == TrackedTaskStatus.CancellationRequested;
        }

        Match();
        foreach (var row in _rows.Where(r => r.Ended && r.Result is null))
        {
            row.Cancelled |= runCancelled;
        }

        foreach (var task in live.Where(t => _rows.All(r => r.Task.Id != t.Id)))
        {
            _rows.Add(new ToolCallRow(task));
        }

        Match();
    }

    /// <summary>The table as it stands.</summary>
    public Table Render()
    {
        var table = new Table().Border(TableBorder.Rounded).Title("tool calls (run.TrackedTasks)")
            .AddColumns("task", "tool", "arguments", "turn", "status", "result");
        foreach (var row in _rows)
        {
            table.AddRow(
                row.Task.Id.ToString(CultureInfo.InvariantCulture),
                Markup.Escape(row.Task.Name),
                Markup.Escape(row.Arguments),
                row.Task.Turn.ToString(CultureInfo.InvariantCulture),
                StatusMarkup(row.Status),
                Markup.Escape(row.Result ?? ""));
        }

        return table;
    }

    private static string StatusMarkup(string status) => status switch
    {
        "running" => "[yellow]running[/]",
        "cancelling" => "[red]cancelling[/]",
        "cancelled" => "[red]cancelled[/]",
        "done" => "[green]done[/]",
        _ => "[grey]ended[/]",
    };

    /// <summary>Gives the k-th row of a function the k-th request of that function, and its result.</summary>
    private void Match()
    {
        foreach (var group in _rows.GroupBy(r => r.Task.Name, StringComparer.Ordinal))
        {
            var requests = _requests.Where(r => r.Name == group.Key).ToList();
            var index = 0;
            foreach (var row in group.OrderBy(r => r.Task.Id))
            {
                if (index < requests.Count)
                {
                    row.Arguments = ContentText.Arguments(requests[index]);
                    row.Result = _results.GetValueOrDefault(requests[index].CallId);
                }

                index++;
            }
        }
    }
}
