using System.Runtime.CompilerServices;

namespace CancelGen.Internal;

/// <summary>
/// Runs an iterator-form run: advances the run's iterator and puts its events in the run's buffer, holding between
/// events while paused.
/// </summary>
/// <remarks>
/// <para>
/// Whoever holds the step (<see cref="Stepping"/>) advances the iterator; nobody does while it is <see cref="Idle"/>
/// (the iterator is suspended at a <c>yield return</c>). While no consumer is attached the pump keeps the step and
/// goes on by itself, on the thread pool, as the run always did. While a consumer is attached the pump goes idle
/// after each event, and the consumer, finding the buffer empty, takes the step and advances the iterator itself
/// (<see cref="TryAdvance"/>): an event produced synchronously goes straight to it, with no thread-pool hop; one
/// produced later is handed to it by the pump's continuation.
/// </para>
/// <para>
/// The pump runs free again (keeps the step) once the consumer detaches, or for good once the run is stopped or an
/// after-turn cancel is asked, or someone waits for the run's end: so a cancel, an after-turn stop and a wait for
/// <c>Completion</c> from inside the consumer's loop body still see the run's code reach its end.
/// </para>
/// </remarks>
internal sealed class IteratorPump<TEvent>
#if NET
    : IThreadPoolWorkItem
#endif
{
    private const int Idle = 0;
    private const int Stepping = 1;
    private const int Finished = 2;

    private static readonly ContextCallback s_moveNext = static state => ((IteratorPump<TEvent>)state!).MoveSource();
    private static readonly ContextCallback s_runSteps = static state => ((IteratorPump<TEvent>)state!).RunSteps();
#if !NET
    private static readonly WaitCallback s_execute = static state => ((IteratorPump<TEvent>)state!).RunStepsInContext();
#endif

    private readonly RunCore<TEvent> _run;
    private readonly EventBuffer<TEvent> _buffer;
    private readonly Func<RunContext, CancellationToken, IAsyncEnumerable<TEvent>> _iterator;
    private readonly Action _onMoved;
    private IAsyncEnumerator<TEvent>? _source;
    private ExecutionContext? _context;
    private ValueTask<bool> _move;
    private int _state = Stepping;
    private volatile bool _runFree;

    public IteratorPump(RunCore<TEvent> run, Func<RunContext, CancellationToken, IAsyncEnumerable<TEvent>> iterator)
    {
        _run = run;
        _buffer = run.Buffer;
        _iterator = iterator;
        _onMoved = OnMoved;
    }

    private bool ShouldRunFree => _runFree || !_buffer.HasConsumer;

    // ---- start and the pump's own loop -------------------------------------------------------

    /// <summary>The first step, on the thread pool, in the run's execution context: creates the iterator and goes on.</summary>
    public void Begin()
    {
        _context = ExecutionContext.Capture();
        var token = _run.CancellationToken;
        try
        {
            var events = _iterator(_run, token)
                ?? throw new InvalidOperationException($"{_run.Description}'s delegate returned null instead of an IAsyncEnumerable<{typeof(TEvent).Name}>.");
            _source = events.GetAsyncEnumerator(token);
        }
#pragma warning disable CA1031 // Any exception of the run's code is the run's fault: it is recorded, never lost.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Finish(ex);
            return;
        }

        RunSteps();
    }

    /// <summary>Advances the iterator while this thread holds the step and should keep it.</summary>
    private void RunSteps()
    {
        while (true)
        {
            if (_run.IsPaused)
            {
                _ = StepWhenResumedAsync();
                return;
            }

            ValueTask<bool> move;
            try
            {
                move = _source!.MoveNextAsync();
            }
#pragma warning disable CA1031 // The run's failure: recorded by Finish.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                Finish(ex);
                return;
            }

            if (!move.IsCompleted)
            {
                AwaitMove(move);
                return;
            }

            if (!OnMoveCompleted(move))
            {
                return;
            }
        }
    }

    private void AwaitMove(ValueTask<bool> move)
    {
        _move = move;
        move.ConfigureAwait(false).GetAwaiter().UnsafeOnCompleted(_onMoved);
    }

    /// <summary>The iterator's pending step has completed (on whatever thread completed it).</summary>
    private void OnMoved()
    {
        var move = _move;
        _move = default;
        if (OnMoveCompleted(move))
        {
            RunSteps();
        }
    }

    /// <summary>
    /// Takes the completed step's event into the buffer (or ends the pump). Returns whether the caller keeps the step
    /// and goes on; wakes a consumer that was waiting for the event, on this stack, after the step was released.
    /// </summary>
    private bool OnMoveCompleted(ValueTask<bool> move)
    {
        if (!TryGetItem(move, out var item))
        {
            return false;
        }

        switch (_buffer.TryWrite(item, out var waiter))
        {
            case WriteResult.Written:
                var keep = KeepOrReleaseAfterWrite(handed: waiter is not null);
                waiter?.WakeInline();
                return keep;
            case WriteResult.Full:
                _ = WriteWhenRoomAsync(item);
                return false;
            default:
                Finish(EventBuffer<TEvent>.Closed(_run.CancellationToken));
                return false;
        }
    }

    private bool TryGetItem(ValueTask<bool> move, out TEvent item)
    {
        item = default!;
        bool more;
        try
        {
            more = move.Result;
        }
#pragma warning disable CA1031 // The run's failure: recorded by Finish.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Finish(ex);
            return false;
        }

        if (!more)
        {
            Finish(null);
            return false;
        }

        item = _source!.Current;
        return true;
    }

    private async Task StepWhenResumedAsync()
    {
        try
        {
            await _run.WaitWhilePausedAsync().ConfigureAwait(false);
        }
#pragma warning disable CA1031 // The run was cancelled while paused (or failed): recorded by Finish.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Finish(ex);
            return;
        }

        RunStepsInContext();
    }

    // Waits for room, writes, and releases the step BEFORE waking a consumer the event was handed to: a consumer woken
    // first could find the step still held, wait, and never be handed anything (the chaos harness found that hang).
    private async Task WriteWhenRoomAsync(TEvent item)
    {
        var token = _run.CancellationToken;
        while (true)
        {
            try
            {
                await _buffer.WaitForRoomAsync(token).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // The run was stopped while waiting for room: recorded by Finish.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                Finish(ex);
                return;
            }

            switch (_buffer.TryWrite(item, out var waiter))
            {
                case WriteResult.Written:
                    var keep = KeepOrReleaseAfterWrite(handed: waiter is not null);
                    waiter?.WakeInline();
                    if (keep)
                    {
                        RunStepsInContext();
                    }

                    return;
                case WriteResult.Closed:
                    Finish(EventBuffer<TEvent>.Closed(token));
                    return;
            }
        }
    }

    private void RunStepsInContext()
    {
        if (_context is { } context && ExecutionContext.Capture() != context)
        {
            ExecutionContext.Run(context, s_runSteps, this);
        }
        else
        {
            RunSteps();
        }
    }

    /// <summary>After an event: keep the step when running free, otherwise release it (and take it back if a kick came meanwhile).</summary>
    /// <remarks>
    /// Releasing is a store of <see cref="Idle"/> followed by a load of the free-running flags; a kick is a store of a
    /// flag followed by a load of the state. One of the two must see the other's store. On .NET the kicks (rare: once
    /// per stop, after-turn request, wait for the end or detach) pay for that with a process-wide barrier, so the
    /// release, once per event, is a plain volatile store; elsewhere the release is an interlocked exchange.
    /// </remarks>
    private bool KeepOrRelease()
    {
        if (ShouldRunFree)
        {
            return true;
        }

#if NET
        Volatile.Write(ref _state, Idle);
#else
        Interlocked.Exchange(ref _state, Idle);
#endif
        return ShouldRunFree && Interlocked.CompareExchange(ref _state, Stepping, Idle) == Idle;
    }

    /// <summary>
    /// After a write from the step holder: <see cref="KeepOrRelease"/>; and when the event was queued (no consumer was
    /// waiting), takes the step back if the consumer became the buffer's waiter meanwhile.
    /// </summary>
    /// <remarks>
    /// The consumer can take the queued event, come back while this thread still holds the step, find it held and wait:
    /// released now, nobody would advance the iterator (a hang). This check reads the waiter under the buffer's lock
    /// after the release; the consumer, having become the waiter under that lock, reads the state
    /// (<see cref="OnConsumerWaiting"/>): whichever takes the lock second sees the other. Paid once per release, not
    /// per event.
    /// </remarks>
    private bool KeepOrReleaseAfterWrite(bool handed) =>
        KeepOrRelease() || (!handed && _buffer.HasWaiter() && Interlocked.CompareExchange(ref _state, Stepping, Idle) == Idle);

    /// <summary>
    /// Called by the buffer when the consumer has just become its waiter: when nobody holds the step (it was released
    /// after a queued write, see <see cref="KeepOrReleaseAfterWrite"/>), takes it and steps on the pool.
    /// </summary>
    public void OnConsumerWaiting()
    {
        if (Volatile.Read(ref _state) == Idle && Interlocked.CompareExchange(ref _state, Stepping, Idle) == Idle)
        {
            QueueSteps();
        }
    }

    // ---- the consumer's step -----------------------------------------------------------------

    /// <summary>
    /// Called by the consumer when the buffer is empty: takes the step if nobody holds it and advances the iterator
    /// on the consumer's thread (without its synchronization context, in the run's execution context).
    /// <see langword="true"/> with the event when it came at once; <see langword="false"/> when the consumer must wait
    /// on the buffer (the step is pending, held by someone else, or the run ended).
    /// </summary>
    public bool TryAdvance(out TEvent item)
    {
        item = default!;
        if (Volatile.Read(ref _state) != Idle || Interlocked.CompareExchange(ref _state, Stepping, Idle) != Idle)
        {
            return false;
        }

        if (TaskScheduler.Current != TaskScheduler.Default)
        {
            // The consumer runs on a scheduler of its own: the run's code must not, so the pump steps on the pool.
            QueueSteps();
            return false;
        }

        if (_buffer.Count != 0)
        {
            // An event arrived meanwhile: the consumer takes it from the buffer.
            if (KeepOrRelease())
            {
                QueueSteps();
            }

            return false;
        }

        if (_run.IsPaused)
        {
            _ = StepWhenResumedAsync();
            return false;
        }

        var syncContext = SynchronizationContext.Current;
        try
        {
            if (syncContext is not null)
            {
                SynchronizationContext.SetSynchronizationContext(null);
            }

            if (_context is { } context && ExecutionContext.Capture() != context)
            {
                ExecutionContext.Run(context, s_moveNext, this);
            }
            else
            {
                MoveSource();
            }
        }
#pragma warning disable CA1031 // The run's failure: recorded by Finish.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _move = default;
            Finish(ex);
            return false;
        }
        finally
        {
            if (syncContext is not null)
            {
                SynchronizationContext.SetSynchronizationContext(syncContext);
            }
        }

        var move = _move;
        if (!move.IsCompleted)
        {
            AwaitMove(move);
            return false;
        }

        _move = default;
        if (!TryGetItem(move, out item))
        {
            return false;
        }

        if (!_buffer.TryRecordDirect(item))
        {
            item = default!;
            Finish(EventBuffer<TEvent>.Closed(_run.CancellationToken));
            return false;
        }

        if (KeepOrRelease())
        {
            QueueSteps();
        }

        return true;
    }

#pragma warning disable CA2012 // Stored for the step holder, who consumes it exactly once (at once when completed, or from its continuation).
    private void MoveSource() => _move = _source!.MoveNextAsync();
#pragma warning restore CA2012

    // ---- kicks from outside ------------------------------------------------------------------

    /// <summary>From now on the pump keeps the step: the run was stopped, an after-turn cancel was asked, or someone waits for its end.</summary>
    public void RunFree()
    {
        if (_runFree)
        {
            return;
        }

        _runFree = true;
        Kick();
    }

    /// <summary>The consumer left (its slot is already free): the run goes on by itself.</summary>
    public void OnConsumerDetached() => Kick();

    private void Kick()
    {
#if NET
        // Pairs with the plain store of a release (KeepOrRelease): after this barrier, either the releasing thread sees
        // the flag just stored, or this thread sees the state it released.
        Interlocked.MemoryBarrierProcessWide();
#endif
        if (ShouldRunFree && Interlocked.CompareExchange(ref _state, Stepping, Idle) == Idle)
        {
            QueueSteps();
        }
    }

    private void QueueSteps()
    {
#if NET
        ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
#else
        ThreadPool.UnsafeQueueUserWorkItem(s_execute, this);
#endif
    }

#if NET
    void IThreadPoolWorkItem.Execute() => RunStepsInContext();
#endif

    // ---- the end -----------------------------------------------------------------------------

    /// <summary>The iterator ended, failed, or the run stopped taking events: disposes the iterator and ends the run's code.</summary>
    private void Finish(Exception? error)
    {
        Volatile.Write(ref _state, Finished);
        var source = _source;
        if (source is null)
        {
            _run.OnCodeEnded(error);
            return;
        }

        ValueTask dispose;
        try
        {
#pragma warning disable CA2012 // Consumed once: checked for completion here, or awaited once by FinishAfterDisposeAsync.
            dispose = source.DisposeAsync();
#pragma warning restore CA2012
        }
#pragma warning disable CA1031 // A failing dispose replaces the error, as a finally block would.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _run.OnCodeEnded(ex);
            return;
        }

        if (dispose.IsCompletedSuccessfully)
        {
            _run.OnCodeEnded(error);
        }
        else
        {
            _ = FinishAfterDisposeAsync(dispose, error);
        }
    }

    private async Task FinishAfterDisposeAsync(ValueTask dispose, Exception? error)
    {
        try
        {
            await dispose.ConfigureAwait(false);
        }
#pragma warning disable CA1031 // A failing dispose replaces the error, as a finally block would.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            error = ex;
        }

        _run.OnCodeEnded(error);
    }
}
