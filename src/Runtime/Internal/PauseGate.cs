namespace CancelGen.Internal;

/// <summary>
/// An async gate that is open unless paused; waiters are released, in order, by <see cref="Resume"/>. A mutable struct
/// (one field, no object per run): keep it in a non-readonly field and never copy it.
/// </summary>
internal struct PauseGate
{
    private TaskCompletionSource<bool>? _resumed;

    /// <summary>Whether the gate is closed.</summary>
    public bool IsPaused => Volatile.Read(ref _resumed) is not null;

    /// <summary>While paused, a task that completes on <see cref="Resume"/>; otherwise <see langword="null"/>.</summary>
    public Task? ResumedTask => Volatile.Read(ref _resumed)?.Task;

    /// <summary>Closes the gate. Returns <see langword="false"/> when it was already closed.</summary>
    public bool Pause()
    {
        var resumed = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        return Interlocked.CompareExchange(ref _resumed, resumed, null) is null;
    }

    /// <summary>Opens the gate and releases every waiter. Returns <see langword="false"/> when it was open.</summary>
    public bool Resume()
    {
        var resumed = Interlocked.Exchange(ref _resumed, null);
        resumed?.TrySetResult(true);
        return resumed is not null;
    }

    /// <summary>Completes at once while open; while paused, when resumed or when <paramref name="cancellationToken"/> is cancelled.</summary>
    public ValueTask WaitAsync(CancellationToken cancellationToken)
    {
        var resumed = ResumedTask;
        return resumed is null ? default : new ValueTask(resumed.WaitOrCancelAsync(cancellationToken));
    }
}
