using CancelGen.Internal;

namespace CancelGen;

/// <summary>
/// The handle of a running streamed run. Read its events with <see cref="StreamEvents"/>; stop it with
/// <see cref="Cancel"/>, <see cref="CancelAsync"/> or <see cref="DisposeAsync"/>. Every member is thread-safe.
/// </summary>
/// <remarks>
/// Leaving an <c>await foreach</c> over <see cref="StreamEvents"/> (or cancelling its token) only detaches
/// that consumer: the run goes on. Declare the handle with <c>await using</c> so that it stops when you
/// are done with it. A handle dropped while its run is still going (garbage collected, never disposed or
/// cancelled) is reported and, by default, its run is cancelled: see <see cref="RunOptions.AbandonedRunPolicy"/>.
/// </remarks>
/// <typeparam name="TEvent">The event type.</typeparam>
public class RunResultStreaming<TEvent> : IAsyncDisposable
{
    private readonly RunCore<TEvent> _core;

    // Only this handle references the sentinel, and the run never references the handle: when the handle
    // becomes garbage while the run goes on, the sentinel's finalizer applies RunOptions.AbandonedRunPolicy.
    private readonly AbandonedRunSentinel _abandonSentinel;

    internal RunResultStreaming(RunCore<TEvent> core)
    {
        _core = core;
        _abandonSentinel = new AbandonedRunSentinel(core.AbandonLink);
    }

    /// <summary>The run's name from <see cref="RunOptions.Name"/>, or <see langword="null"/>.</summary>
    public string? Name => _core.Name;

    /// <summary>
    /// The run's status. <see cref="RunStatus.Cancelled"/> and <see cref="RunStatus.Faulted"/> are set as
    /// soon as decided; <see cref="RunStatus.Completed"/> once the run's code and every tracked task have ended.
    /// </summary>
    public RunStatus Status => _core.Status;

    /// <summary>Whether the run has reached its final <see cref="Status"/>: no more events will be produced. <see cref="Completion"/> tells when its tracked tasks have also ended.</summary>
    public bool IsComplete => _core.Status != RunStatus.Running;

    /// <summary>The 1-based number of the turn in progress: 1 until the run's first <see cref="RunContext.EndTurnAsync"/>.</summary>
    public int CurrentTurn => _core.CurrentTurn;

    /// <summary>
    /// Completes when the run and all its tracked tasks have ended: successfully when it completed or was
    /// cancelled, faulted with the run's first failure when it faulted.
    /// </summary>
    public Task Completion => _core.Completion;

    /// <summary>The exception that faulted the run, or <see langword="null"/>.</summary>
    public Exception? Fault => _core.Fault;

    /// <summary>Whether the run is paused (see <see cref="Pause"/>).</summary>
    public bool IsPaused => _core.IsPaused;

    /// <summary>The live tasks the run tracks, oldest first.</summary>
    public IReadOnlyList<TrackedTaskInfo> TrackedTasks => _core.TrackedTasks;

    /// <summary>The last value the run's code passed to <see cref="RunContext.SaveProgress(object?)"/>, or <see langword="null"/>.</summary>
    public object? SavedProgress => _core.SavedProgress;

    /// <summary>
    /// The run's events. One consumer at a time; a consumer that starts after another left continues from
    /// the next undelivered event; after the stream ended, enumerating yields nothing.
    /// </summary>
    /// <param name="cancellationToken">Detaches this consumer (its loop throws <see cref="OperationCanceledException"/>); the run goes on.</param>
    /// <returns>The events, ending without an exception when the run completes or is cancelled, throwing the run's fault when it faults.</returns>
    /// <exception cref="InvalidOperationException">(On enumeration) another consumer is enumerating.</exception>
    public IAsyncEnumerable<TEvent> StreamEvents(CancellationToken cancellationToken = default) =>
        new EventStream<TEvent>(_core, this, cancellationToken);

    /// <summary>
    /// Stops the run. <see cref="CancelMode.Immediate"/>: the run's token and every tracked task are
    /// cancelled and undelivered events are dropped. <see cref="CancelMode.AfterTurn"/>: the turn in progress
    /// finishes first. Does nothing on a run that has already ended; a second cancel does nothing.
    /// </summary>
    /// <param name="mode">How to stop.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="mode"/> is not a defined <see cref="CancelMode"/>.</exception>
    public void Cancel(CancelMode mode = CancelMode.Immediate)
    {
        _core.RequestCancel(mode);
        _abandonSentinel.Dismiss();
    }

    /// <summary>Stops the run like <see cref="Cancel"/> and returns when the run's code and every tracked task have ended. Never throws the run's fault.</summary>
    /// <param name="mode">How to stop.</param>
    /// <returns>A task that completes when everything the run started has ended.</returns>
    public Task CancelAsync(CancelMode mode = CancelMode.Immediate)
    {
        _core.RequestCancel(mode);
        _abandonSentinel.Dismiss();
        return _core.Ended;
    }

    /// <summary>
    /// Cancels one live tracked task without stopping the run; the run's code sees that task end as cancelled, and
    /// however the task then ends is not a failure of the run. A callback the task registered on its token that throws
    /// while it is cancelled faults the run.
    /// </summary>
    /// <param name="taskId">The <see cref="TrackedTaskInfo.Id"/>.</param>
    /// <returns><see langword="true"/> when a live task with that id was found.</returns>
    public bool CancelTask(long taskId) => _core.CancelTasks(task => task.Id == taskId) > 0;

    /// <summary>Cancels every live tracked task with this name without stopping the run.</summary>
    /// <param name="name">The <see cref="TrackedTaskInfo.Name"/>.</param>
    /// <returns>How many tasks were cancelled.</returns>
    public int CancelTasks(string name) => _core.CancelTasks(task => string.Equals(task.Name, name, StringComparison.Ordinal));

    /// <summary>Holds the run's producer at its next event or turn boundary. Nothing is lost or reordered; cancel still works.</summary>
    public void Pause() => _core.Pause();

    /// <summary>Lets a paused run go on.</summary>
    public void Resume() => _core.Resume();

    /// <summary>
    /// What the run leaves for a caller that stores a partial result: the last saved progress, the events an
    /// immediate cancel dropped and the recorded history (<see cref="RunOptions.EventHistory"/>).
    /// </summary>
    /// <returns>A snapshot.</returns>
    public RunProgress<TEvent> GetProgress() => _core.GetProgress();

    /// <summary>
    /// Cancels the run if it is still going (like <see cref="CancelMode.Immediate"/>), ends a consumer's loop
    /// without an exception, and waits for the run's code and every tracked task. Never throws.
    /// </summary>
    /// <returns>A task that completes when everything the run started has ended.</returns>
    public ValueTask DisposeAsync()
    {
        _core.RequestCancel(CancelMode.Immediate);
        _core.Buffer.StopDelivery();
        _abandonSentinel.Dismiss();
        GC.SuppressFinalize(this);
        return new ValueTask(_core.Ended);
    }

    /// <inheritdoc />
    public override string ToString() => $"{_core.Description} ({Status}, turn {CurrentTurn})";
}
