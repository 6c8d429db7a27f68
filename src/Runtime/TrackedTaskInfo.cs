namespace CancelGen;

/// <summary>A snapshot of one live task tracked by a run.</summary>
public sealed class TrackedTaskInfo
{
    internal TrackedTaskInfo(long id, string name, int turn, TrackedTaskStatus status)
    {
        Id = id;
        Name = name;
        Turn = turn;
        Status = status;
    }

    /// <summary>The task's id, unique within its run; pass it to <see cref="RunResultStreaming{TEvent}.CancelTask(long)"/>.</summary>
    public long Id { get; }

    /// <summary>The name given when the task was tracked, or <c>task-{Id}</c>.</summary>
    public string Name { get; }

    /// <summary>The turn in which the task was started.</summary>
    public int Turn { get; }

    /// <summary>Whether the task has been asked to stop.</summary>
    public TrackedTaskStatus Status { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Name} (#{Id}, turn {Turn}, {Status})";
}
