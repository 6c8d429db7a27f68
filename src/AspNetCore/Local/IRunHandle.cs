namespace CancelGen.Local;

/// <summary>A registered run's handle without its event type: what <see cref="LocalRun"/> controls and reports.</summary>
internal interface IRunHandle
{
    RunStatus Status { get; }

    int CurrentTurn { get; }

    bool IsPaused { get; }

    IReadOnlyList<TrackedTaskInfo> TrackedTasks { get; }

    void Cancel(CancelMode mode);

    Task CancelAsync(CancelMode mode);

    void Pause();

    void Resume();

    bool CancelTask(long taskId);

    /// <summary>Reads every event into <paramref name="log"/>, then waits for the run and its tracked tasks to end.</summary>
    Task PumpAsync(RunEventLog log, RunEventSerializer serializer);
}
