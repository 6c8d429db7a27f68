namespace CancelGen;

/// <summary>
/// What a run's own code receives: the run's token, ownership of background work, turn boundaries
/// and progress saving. Every member is thread-safe.
/// </summary>
/// <remarks>
/// Instances are created by <see cref="RunResultStreaming.Start{TEvent}(Func{RunContext, CancellationToken, IAsyncEnumerable{TEvent}}, RunOptions?, CancellationToken)"/>
/// and its overloads (which the generated <c>...Streamed</c> methods call).
/// </remarks>
public abstract class RunContext
{
    private protected RunContext()
    {
    }

    /// <summary>
    /// The run's token: cancelled by an immediate cancel, by the start token, by a failure of the run's
    /// code or any tracked task, and (once the turn has ended) by an after-turn cancel.
    /// </summary>
    public abstract CancellationToken CancellationToken { get; }

    /// <summary>The run's name from <see cref="RunOptions.Name"/>, or <see langword="null"/>.</summary>
    public abstract string? Name { get; }

    /// <summary>The 1-based number of the turn in progress: 1 until the first <see cref="EndTurnAsync"/> returns.</summary>
    public abstract int CurrentTurn { get; }

    /// <summary>Whether <see cref="CancelMode.AfterTurn"/> was asked: the next <see cref="EndTurnAsync"/> will stop the run.</summary>
    public abstract bool IsCancelAfterTurnRequested { get; }

    /// <summary>
    /// Makes the run own <paramref name="task"/>: a failure of it faults the run (so does an
    /// <see cref="OperationCanceledException"/> for a token other than the run's, such as the task's own timeout,
    /// unless the task was cancelled with <see cref="RunResultStreaming{TEvent}.CancelTask(long)"/>), the run's
    /// <see cref="RunResultStreaming{TEvent}.Completion"/> waits for it, and a cancel (of the run, or of
    /// this task alone) ends the returned task as cancelled.
    /// </summary>
    /// <param name="task">Work already started, which should observe <see cref="CancellationToken"/>.</param>
    /// <param name="name">A name for the task list and telemetry.</param>
    /// <returns>A task that ends as <paramref name="task"/> does, or as cancelled when the task is cancelled.</returns>
    public abstract Task Track(Task task, string? name = null);

    /// <inheritdoc cref="Track(Task, string?)"/>
    /// <typeparam name="TResult">The task's result type.</typeparam>
    public abstract Task<TResult> Track<TResult>(Task<TResult> task, string? name = null);

    /// <summary>
    /// Starts <paramref name="work"/> on the thread pool as a task owned by the run. The token given to
    /// <paramref name="work"/> is cancelled with the run, or alone by <see cref="RunResultStreaming{TEvent}.CancelTask(long)"/>.
    /// After an immediate cancel the work is not started and the returned task is cancelled. A failure of the work
    /// faults the run, as with <see cref="Track(Task, string?)"/>: an <see cref="OperationCanceledException"/> for a token
    /// other than the one given to <paramref name="work"/> (its own timeout, <c>HttpClient.Timeout</c>) included.
    /// </summary>
    /// <param name="work">The background work.</param>
    /// <param name="name">A name for the task list and telemetry.</param>
    /// <returns>A task that ends as the work does, or as cancelled when the task is cancelled.</returns>
    public abstract Task Run(Func<CancellationToken, Task> work, string? name = null);

    /// <inheritdoc cref="Run(Func{CancellationToken, Task}, string?)"/>
    /// <typeparam name="TResult">The work's result type.</typeparam>
    public abstract Task<TResult> Run<TResult>(Func<CancellationToken, Task<TResult>> work, string? name = null);

    /// <summary>
    /// A turn boundary. Advances <see cref="CurrentTurn"/>; while the run is paused, waits here; where
    /// <see cref="CancelMode.AfterTurn"/> was asked, waits for the tracked tasks this turn started and
    /// then throws <see cref="OperationCanceledException"/>, which unwinds the run's code and ends the
    /// run <see cref="RunStatus.Cancelled"/>.
    /// </summary>
    /// <returns>A task that completes when the next turn may begin.</returns>
    /// <exception cref="OperationCanceledException">The run stops here (after-turn cancel) or was cancelled.</exception>
    public abstract ValueTask EndTurnAsync();

    /// <summary>
    /// Saves the run's progress (any state object). The last value saved is kept after a cancel, a
    /// fault or completion, in <see cref="RunResultStreaming{TEvent}.SavedProgress"/> and
    /// <see cref="RunResultStreaming{TEvent}.GetProgress"/>.
    /// </summary>
    /// <param name="state">The state to keep; it replaces what was saved before.</param>
    public abstract void SaveProgress(object? state);
}
