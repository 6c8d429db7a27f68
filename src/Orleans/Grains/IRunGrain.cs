using Orleans;
using Orleans.Concurrency;

namespace CancelGen.Grains;

/// <summary>
/// One registered run, keyed by its run id. The activation lives on the instance that runs the run (the owner) and
/// wraps that instance's local registry entry; from any other instance this interface is how the run is read and
/// controlled. Every control call returns after the owner acted, with the run's state.
/// </summary>
internal interface IRunGrain : IGrainWithStringKey
{
    /// <summary>
    /// Called by the owner instance right after it added the run to its local registry: wraps that entry and records
    /// the run (status <c>running</c>). Answers <see langword="false"/> when this activation is not on the instance
    /// that holds the run, or when the id is already recorded.
    /// </summary>
    Task<bool> AttachAsync();

    /// <summary>The run's owner and state, or <see langword="null"/> when no run has this id (never had, or dropped).</summary>
    [AlwaysInterleave]
    Task<RunInfo?> FindAsync();

    /// <summary>The run's state (<c>lost</c> when its owner instance went away).</summary>
    [AlwaysInterleave]
    Task<RunStateMessage> GetStateAsync();

    /// <summary>
    /// The run's events after <paramref name="afterEventId"/> as they come, then one message with
    /// <see cref="RunEventMessage.IsEnd"/> set once the run has ended and its last event was sent. A stream that stops
    /// without that last message was cut (the owner went away, or the activation was deactivated).
    /// </summary>
    IAsyncEnumerable<RunEventMessage> ReadEventsAsync(long afterEventId);

    /// <summary>Cancels the run; with <see cref="CancelMode.Immediate"/> returns once it has ended.</summary>
    Task<RunStateMessage> CancelAsync(CancelMode mode);

    /// <summary>Pauses the run.</summary>
    Task<RunStateMessage> PauseAsync();

    /// <summary>Lets the paused run go on.</summary>
    Task<RunStateMessage> ResumeAsync();

    /// <summary>Cancels one live tracked task; <see langword="false"/> when no live task has that id.</summary>
    Task<bool> CancelTaskAsync(long taskId);

    /// <summary>The owner instance is shutting down: cancels the run, waits for its end and records it.</summary>
    Task ShutDownAsync();
}
