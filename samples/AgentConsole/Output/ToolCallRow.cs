using CancelGen;

namespace AgentConsole.Output;

/// <summary>One row of the live tool-call table: a tracked task, and what became of it.</summary>
/// <param name="task">The tracked task when it was first seen.</param>
internal sealed class ToolCallRow(TrackedTaskInfo task)
{
    /// <summary>The tracked task as last seen in <c>run.TrackedTasks</c>.</summary>
    public TrackedTaskInfo Task { get; set; } = task;

    /// <summary>The call's arguments, once the model's request for it was seen.</summary>
    public string Arguments { get; set; } = "";

    /// <summary>The call's result, once it came back.</summary>
    public string? Result { get; set; }

    /// <summary>Whether the task has left <c>run.TrackedTasks</c> (it ended).</summary>
    public bool Ended { get; set; }

    /// <summary>Whether the task was seen asked to stop, or ended while its run was being cancelled.</summary>
    public bool Cancelled { get; set; }

    /// <summary>What the status column shows.</summary>
    public string Status => (Ended, Cancelled || Task.Status == TrackedTaskStatus.CancellationRequested) switch
    {
        (true, true) => "cancelled",
        (true, false) when Result is not null => "done",
        (true, false) => "ended",
        (false, true) => "cancelling",
        _ => "running",
    };
}
