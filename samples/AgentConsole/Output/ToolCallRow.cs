using CancelGen;
using Microsoft.Extensions.AI;

namespace AgentConsole.Output;

/// <summary>
/// One row of the live tool-call table: a function call, known from the model's request in the stream, from
/// the run's tracked task, or both, and what became of it.
/// </summary>
/// <param name="name">The function's name.</param>
internal sealed class ToolCallRow(string name)
{
    /// <summary>The function's name.</summary>
    public string Name { get; } = name;

    /// <summary>The model's request for the call, once it was streamed.</summary>
    public FunctionCallContent? Request { get; set; }

    /// <summary>The call's tracked task as last seen in <c>run.TrackedTasks</c>, once it was seen.</summary>
    public TrackedTaskInfo? Task { get; set; }

    /// <summary>The call's result, once it came back.</summary>
    public string? Result { get; set; }

    /// <summary>Whether the tracked task was seen and has left <c>run.TrackedTasks</c> since (it ended).</summary>
    public bool TaskEnded { get; set; }

    /// <summary>Whether the call was seen asked to stop, or had not come back when its run was cancelled.</summary>
    public bool Cancelled { get; set; }

    /// <summary>What the status column shows.</summary>
    public string Status => this switch
    {
        { Cancelled: true, Task: { } task, TaskEnded: false } when task.Status == TrackedTaskStatus.CancellationRequested => "cancelling",
        { Cancelled: true } => "cancelled",
        { Result: not null } => "done",
        { Task: not null, TaskEnded: false } => "running",
        { Task: not null } => "ended",
        _ => "waiting",
    };
}
