using System.Globalization;
using CancelGen;
using Microsoft.Extensions.AI;
using Spectre.Console;

namespace AgentConsole.Output;

/// <summary>
/// The live table of tool calls. A row comes from whichever is seen first: the model's call request in the
/// stream, or the call's tracked task in the run's <c>TrackedTasks</c> (each function call is a task named after
/// the function); the two are paired by function name in call order. So a call that starts and ends between
/// two redraws still has its row, from the stream, and a call whose request is still unread has one from the run.
/// </summary>
internal sealed class ToolCallBoard
{
    private readonly List<ToolCallRow> _rows = [];

    /// <summary>Takes in the tool calls and results an update carries.</summary>
    public void Take(IEnumerable<AIContent> contents)
    {
        foreach (var content in contents)
        {
            switch (content)
            {
                case FunctionCallContent call:
                    RowFor(call.Name, row => row.Request is null).Request = call;
                    break;
                case FunctionResultContent result when _rows.FirstOrDefault(row => row.Request?.CallId == result.CallId) is { } answered:
                    answered.Result = ContentText.Result(result);
                    break;
            }
        }
    }

    /// <summary>Takes in the run's tracked tasks now: new ones join their rows, missing ones have ended.</summary>
    /// <param name="live">The run's <c>TrackedTasks</c>.</param>
    /// <param name="runCancelled">Whether the run was cancelled: a call that has not come back was stopped.</param>
    public void Observe(IReadOnlyList<TrackedTaskInfo> live, bool runCancelled)
    {
        foreach (var row in _rows.Where(row => row.Task is not null && !row.TaskEnded))
        {
            var now = live.FirstOrDefault(task => task.Id == row.Task!.Id);
            row.TaskEnded = now is null;
            row.Task = now ?? row.Task;
            row.Cancelled |= row.Task!.Status == TrackedTaskStatus.CancellationRequested;
        }

        foreach (var task in live.Where(task => _rows.All(row => row.Task?.Id != task.Id)))
        {
            // A task joins the first row of its function with no task yet whose call has not come back (a row
            // with a result already belongs to a call whose task came and went unseen).
            var row = RowFor(task.Name, row => row.Task is null && row.Result is null);
            row.Task = task;
            row.Cancelled |= task.Status == TrackedTaskStatus.CancellationRequested;
        }

        if (runCancelled)
        {
            foreach (var row in _rows.Where(row => row.Result is null))
            {
                row.Cancelled = true;
            }
        }
    }

    /// <summary>The table as it stands.</summary>
    public Table Render()
    {
        var table = new Table().Border(TableBorder.Rounded).Title("tool calls (run.TrackedTasks)")
            .AddColumns("task", "tool", "arguments", "turn", "status", "result");
        foreach (var row in _rows)
        {
            table.AddRow(
                row.Task?.Id.ToString(CultureInfo.InvariantCulture) ?? "",
                Markup.Escape(row.Name),
                Markup.Escape(row.Request is null ? "" : ContentText.Arguments(row.Request)),
                row.Task?.Turn.ToString(CultureInfo.InvariantCulture) ?? "",
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
        _ => $"[grey]{status}[/]",
    };

    /// <summary>The first row of <paramref name="name"/> that <paramref name="free"/> accepts, or a new one.</summary>
    private ToolCallRow RowFor(string name, Func<ToolCallRow, bool> free)
    {
        var row = _rows.FirstOrDefault(row => row.Name == name && free(row));
        if (row is null)
        {
            row = new ToolCallRow(name);
            _rows.Add(row);
        }

        return row;
    }
}
