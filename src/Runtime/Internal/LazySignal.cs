namespace CancelGen.Internal;

/// <summary>
/// A one-shot signal whose task is created only when someone asks for it before the signal is set (after, it is
/// <see cref="Task.CompletedTask"/>): a run that nobody waits on never allocates it. A mutable struct: keep it in a
/// non-readonly field and never copy it.
/// </summary>
internal struct LazySignal
{
    private int _set;
    private TaskCompletionSource<bool>? _source;

    /// <summary>Whether the signal is set.</summary>
    public bool IsSet => Volatile.Read(ref _set) != 0;

    /// <summary>Completes when the signal is set (continuations run asynchronously).</summary>
    public Task Task
    {
        get
        {
            if (IsSet)
            {
                return System.Threading.Tasks.Task.CompletedTask;
            }

            var source = Volatile.Read(ref _source);
            if (source is null)
            {
                var created = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
                source = Interlocked.CompareExchange(ref _source, created, null) ?? created;
            }

            // The compare-exchange above and the exchange in TrySet are both full fences: one of the two sides sees the other.
            if (IsSet)
            {
                source.TrySetResult(true);
            }

            return source.Task;
        }
    }

    /// <summary>Sets the signal; <see langword="true"/> for the one caller that set it.</summary>
    public bool TrySet()
    {
        if (Interlocked.Exchange(ref _set, 1) != 0)
        {
            return false;
        }

        Volatile.Read(ref _source)?.TrySetResult(true);
        return true;
    }
}
