namespace CancelGen;

/// <summary>
/// A run addressable by id: what the HTTP endpoints need of a run, wherever it runs. The in-memory registry gives
/// the run of this process; a cluster registry gives a proxy to the instance that owns it. Every control call
/// returns after the run acted on it.
/// </summary>
/// <remarks>
/// Ownership checks, the 404/400/429 answers, the status JSON and the SSE framing live in the endpoint layer, not
/// here: an implementation only reports and acts.
/// </remarks>
public interface IRegisteredRun
{
    /// <summary>The run id.</summary>
    string Id { get; }

    /// <summary>The user the run belongs to, or <see langword="null"/> for a run added by an anonymous request.</summary>
    string? Owner { get; }

    /// <summary>A snapshot of the run.</summary>
    /// <param name="cancellationToken">Stops waiting for the answer.</param>
    /// <returns>The run's state.</returns>
    ValueTask<RegisteredRunState> GetStateAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// The run's events after event number <paramref name="afterEventId"/>, in order, as they come, ending when the
    /// run has ended and its last event was read. Events the bounded log no longer holds are skipped: the next
    /// frame's <see cref="RunEventFrame.Id"/> then jumps, which the reader can see. While enumerated, the run counts
    /// as read (see <see cref="StreamingRunsOptions.DetachedRunTimeout"/>).
    /// </summary>
    /// <param name="afterEventId">0 for the whole stream, or the last event number the reader already has.</param>
    /// <param name="cancellationToken">Detaches this reader; the run goes on.</param>
    /// <returns>The events.</returns>
    IAsyncEnumerable<RunEventFrame> ReadEventsAsync(long afterEventId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Cancels the run (<see cref="RunResultStreaming{TEvent}.Cancel"/>). With <see cref="CancelMode.Immediate"/> this
    /// returns once the run's code and every tracked task have ended; with <see cref="CancelMode.AfterTurn"/>, once
    /// the request is recorded. Does nothing on an ended run.
    /// </summary>
    /// <param name="mode">How to stop.</param>
    /// <param name="cancellationToken">Stops waiting (the cancel itself still happens).</param>
    /// <returns>The run's state after the cancel.</returns>
    ValueTask<RegisteredRunState> CancelAsync(CancelMode mode, CancellationToken cancellationToken = default);

    /// <summary>Pauses the run (<see cref="RunResultStreaming{TEvent}.Pause"/>).</summary>
    /// <param name="cancellationToken">Stops waiting for the answer.</param>
    /// <returns>The run's state after the pause.</returns>
    ValueTask<RegisteredRunState> PauseAsync(CancellationToken cancellationToken = default);

    /// <summary>Lets a paused run go on (<see cref="RunResultStreaming{TEvent}.Resume"/>).</summary>
    /// <param name="cancellationToken">Stops waiting for the answer.</param>
    /// <returns>The run's state after the resume.</returns>
    ValueTask<RegisteredRunState> ResumeAsync(CancellationToken cancellationToken = default);

    /// <summary>Cancels one live tracked task; the run goes on (<see cref="RunResultStreaming{TEvent}.CancelTask(long)"/>).</summary>
    /// <param name="taskId">The task's id (<see cref="RegisteredTaskState.Id"/>).</param>
    /// <param name="cancellationToken">Stops waiting for the answer.</param>
    /// <returns><see langword="true"/> when a live task with that id was found and cancelled.</returns>
    ValueTask<bool> CancelTaskAsync(long taskId, CancellationToken cancellationToken = default);
}
