using Orleans;

namespace CancelGen.Grains;

/// <summary>A <see cref="RegisteredRunState"/> on the wire between instances.</summary>
[GenerateSerializer, Immutable]
internal sealed record RunStateMessage(
    [property: Id(0)] string Id,
    [property: Id(1)] int Status,
    [property: Id(2)] int Turn,
    [property: Id(3)] bool IsPaused,
    [property: Id(4)] IReadOnlyList<RunTaskMessage> TrackedTasks,
    [property: Id(5)] long LastEventId)
{
    /// <summary>The message for <paramref name="state"/>.</summary>
    public static RunStateMessage From(RegisteredRunState state)
    {
        var tasks = new RunTaskMessage[state.TrackedTasks.Count];
        for (var i = 0; i < tasks.Length; i++)
        {
            var task = state.TrackedTasks[i];
            tasks[i] = new RunTaskMessage(task.Id, task.Name, (int)task.Status);
        }

        return new RunStateMessage(state.Id, (int)state.Status, state.Turn, state.IsPaused, tasks, state.LastEventId);
    }

    /// <summary>The state this message carries.</summary>
    public RegisteredRunState ToState()
    {
        var tasks = new RegisteredTaskState[TrackedTasks.Count];
        for (var i = 0; i < tasks.Length; i++)
        {
            var task = TrackedTasks[i];
            tasks[i] = new RegisteredTaskState(task.Id, task.Name, (TrackedTaskStatus)task.Status);
        }

        return new RegisteredRunState(Id, (RegisteredRunStatus)Status, Turn, IsPaused, tasks, LastEventId);
    }
}

/// <summary>A <see cref="RegisteredTaskState"/> on the wire.</summary>
[GenerateSerializer, Immutable]
internal sealed record RunTaskMessage([property: Id(0)] long Id, [property: Id(1)] string Name, [property: Id(2)] int Status);
