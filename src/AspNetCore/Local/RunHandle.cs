namespace CancelGen.Local;

/// <summary>Adapts a <see cref="RunResultStreaming{TEvent}"/> to <see cref="IRunHandle"/> and pumps its events.</summary>
/// <typeparam name="TEvent">The event type.</typeparam>
/// <param name="run">The run.</param>
internal sealed class RunHandle<TEvent>(RunResultStreaming<TEvent> run) : IRunHandle
{
    public RunStatus Status => run.Status;

    public int CurrentTurn => run.CurrentTurn;

    public bool IsPaused => run.IsPaused;

    public IReadOnlyList<TrackedTaskInfo> TrackedTasks => run.TrackedTasks;

    public void Cancel(CancelMode mode) => run.Cancel(mode);

    public Task CancelAsync(CancelMode mode) => run.CancelAsync(mode);

    public void Pause() => run.Pause();

    public void Resume() => run.Resume();

    public bool CancelTask(long taskId) => run.CancelTask(taskId);

    public async Task PumpAsync(RunEventLog log, RunEventSerializer serializer)
    {
        try
        {
            await foreach (var item in run.StreamEvents().ConfigureAwait(false))
            {
                log.Append(item is null ? "null" : RunEventSerializer.TypeName(item), item is null ? "null" : serializer.Serialize(item));
            }
        }
        catch
        {
            // The run's fault (already final), or an event that cannot be serialized: stop the run before reporting.
            await run.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        // The stream ends when the run's code ends; the status is final once every tracked task has ended too.
        await run.Completion.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await run.DisposeAsync().ConfigureAwait(false);
    }
}
