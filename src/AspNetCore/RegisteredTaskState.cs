namespace CancelGen;

/// <summary>A snapshot of one live task tracked by a registered run.</summary>
/// <param name="Id">The task's id within its run (<see cref="TrackedTaskInfo.Id"/>).</param>
/// <param name="Name">The task's name (<see cref="TrackedTaskInfo.Name"/>).</param>
/// <param name="Status">Whether the task has been asked to stop.</param>
public sealed record RegisteredTaskState(long Id, string Name, TrackedTaskStatus Status);
