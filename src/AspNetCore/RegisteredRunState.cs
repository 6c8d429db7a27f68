namespace CancelGen;

/// <summary>A snapshot of a registered run: what <c>GET {prefix}/{id}</c> answers, plus the number of its last event.</summary>
/// <param name="Id">The run id.</param>
/// <param name="Status">The run's status.</param>
/// <param name="Turn">The 1-based turn in progress (<see cref="RunResultStreaming{TEvent}.CurrentTurn"/>).</param>
/// <param name="IsPaused">Whether the run is paused.</param>
/// <param name="TrackedTasks">The live tracked tasks, oldest first.</param>
/// <param name="LastEventId">The number of the last event the run produced so far (0 before the first).</param>
public sealed record RegisteredRunState(
    string Id,
    RegisteredRunStatus Status,
    int Turn,
    bool IsPaused,
    IReadOnlyList<RegisteredTaskState> TrackedTasks,
    long LastEventId);
