using System.Runtime.CompilerServices;

namespace CancelGen.Internal;

/// <summary>
/// Runs an iterator-form run: advances the run's iterator and puts its events in the run's buffer, holding between
/// events while paused.
/// </summary>
/// <remarks>
/// <para>
/// Whoever holds the step (<see cref="Stepping"/>: the pump; <see cref="Consumer"/>: the consumer) advances the
/// iterator; nobody does while it is <see cref="Idle"/>
/// (the iterator is suspended at a <c>yield return</c>). While no consumer is attached the pump keeps the step and
/// goes on by itself, on the thread pool, as the run always did. While a consumer is attached the pump goes idle
/// after each event, and the consumer, finding the buffer empty, takes the step, advances the iterator itself and
/// keeps the step from one event to the next (<see cref="TryAdvance"/>): an event produced synchronously goes straight
/// to it, with no thread-pool hop and no interlocked operation; one produced later is handed to it by the pump's
/// continuation.
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
    private const int Consumer = 3;

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

    // Written by the consumer only, with plain stores: whether it is inside a step (see TryAdvance).
    private bool _consumerInStep;

    // Whether the step holder waits for the iterator's pending step (the run's code is awaiting something).
    private volatile bool _awaitingMove;

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
        _awaitingMove = true;
        move.ConfigureAwait(false).GetAwaiter().UnsafeOnCompleted(_onMoved);
    }

    /// <summary>The iterator's pending step has completed (on whatever thread completed it).</summary>
    private void OnMoved()
    {
        _awaitingMove = false;
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
                var keep = KeepOrReleaseAfterWrite();
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
                    var keep = KeepOrReleaseAfterWrite();
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

    /// <summary>
    /// After the pump wrote an event while holding the step: keeps the step when running free or when the consumer
    /// waits for an event, otherwise releases it (and takes it back if a kick came meanwhile).
    /// </summary>
    /// <remarks>
    /// The consumer may read the event just queued, find the step held and wait, all before this release: then the pump
    /// must step again, or nobody would. The consumer stores itself as the waiter, then (after a full fence) reads the
    /// state (<see cref="IsIdle"/>); the pump stores <see cref="Idle"/> with an interlocked exchange (a full fence),
    /// then reads the waiter. One of the two sees the other: either the consumer finds the step free and takes it, or
    /// the pump finds the waiter and keeps stepping. The same fence orders the release before the read of the
    /// free-running flags that a kick stores.
    /// </remarks>
    private bool KeepOrReleaseAfterWrite()
    {
        if (ShouldRunFree)
        {
            return true;
        }

        Interlocked.Exchange(ref _state, Idle);
        return (ShouldRunFree || _buffer.HasWaiter) && Interlocked.CompareExchange(ref _state, Stepping, Idle) == Idle;
    }

    /// <summary>
    /// Whether nobody holds the step, read after a full fence: called by a consumer that has just stored itself as the
    /// waiter (see <see cref="KeepOrReleaseAfterWrite"/>), which then withdraws its wait and takes the step itself.
    /// </summary>
    public bool IsIdle
    {
        get
        {
            Interlocked.MemoryBarrier();
            return Volatile.Read(ref _state) == Idle;
        }
    }

    /// <summary>
    /// Whether the pump holds the step and is advancing the iterator right now (not awaiting a pending step): an
    /// event, or a free step, is then moments away, and a consumer that spins briefly keeps running on its own thread
    /// instead of being woken on the pump's.
    /// </summary>
    public bool IsSteppingNow => Volatile.Read(ref _state) == Stepping && !_awaitingMove;

    // ---- the consumer's step -----------------------------------------------------------------

    /// <summary>
    /// Called by the consumer when the buffer is empty: advances the iterator on the consumer's thread (without its
    /// synchronization context, in the run's execution context) when the consumer holds the step or can take it.
    /// <see langword="true"/> with the event when it came at once; <see langword="false"/> when the consumer must wait
    /// on the buffer (the step is pending, held by the pump, or the run ended).
    /// </summary>
    /// <remarks>
    /// <para>
    /// A consumer that took the step keeps it (<see cref="Consumer"/>) from one event to the next, so a run read as
    /// fast as it produces costs no interlocked operation per event: the consumer marks itself inside a step with a
    /// plain store, then reads the state and <see cref="_runFree"/>. A kick (<see cref="RunFree"/>) stores the flag,
    /// then issues a process-wide barrier, then reads the consumer's mark: after the barrier either the consumer sees
    /// the flag (and hands the step to the pump at the start or the end of its step), or the kick sees the consumer
    /// outside a step (in its loop body, perhaps waiting for the run's end) and takes the step from it.
    /// </para>
    /// <para>
    /// Every way out that leaves the consumer waiting first gives the step up: to the pump (a pending step, a pause, a
    /// scheduler of its own), to <see cref="Idle"/> (an event was queued meanwhile), or to the end.
    /// </para>
    /// </remarks>
    public bool TryAdvance(out TEvent item)
    {
        item = default!;
        _consumerInStep = true;
        if (Volatile.Read(ref _state) != Consumer || _runFree)
        {
            if (!TryTakeStep())
            {
                // A kick that saw this consumer inside its step left the step to it, and it may just have been left
                // free (an event was queued): the pump must take it now.
                Volatile.Write(ref _consumerInStep, false);
                if (_runFree)
                {
                    TakeForPump();
                }

                return false;
            }
        }

        var produced = StepOnConsumer(out item);
#if NET
        Volatile.Write(ref _consumerInStep, false);
#else
        // No process-wide barrier for kicks here: give the step back after each event, with a full fence.
        _consumerInStep = false;
        Interlocked.CompareExchange(ref _state, Idle, Consumer);
#endif
        if (_runFree)
        {
            TakeForPump();
        }

        return produced;
    }

    /// <summary>Takes the step for the consumer when nobody holds it; hands it to the pump when a kick came while the consumer held it.</summary>
    private bool TryTakeStep()
    {
        switch (Volatile.Read(ref _state))
        {
            case Consumer:
                // _runFree: the run must go on by itself now.
                TakeForPump();
                return false;
            case Idle:
                if (Interlocked.CompareExchange(ref _state, Consumer, Idle) != Idle)
                {
                    return false;
                }

                if (_buffer.Count != 0)
                {
                    // An event was queued before the consumer took the step: the consumer takes it from the buffer.
                    // (While the consumer keeps the step nothing else writes, so this is checked only here.)
                    Volatile.Write(ref _state, Idle);
                    return false;
                }

                return true;
            default:
                return false;
        }
    }

    /// <summary>One step of the iterator on the consumer's thread, which holds the step (<see cref="Consumer"/>).</summary>
    private bool StepOnConsumer(out TEvent item)
    {
        item = default!;
        if (TaskScheduler.Current != TaskScheduler.Default)
        {
            // The consumer runs on a scheduler of its own: the run's code must not, so the pump steps on the pool.
            Volatile.Write(ref _state, Stepping);
            QueueSteps();
            return false;
        }

        if (_run.IsPaused)
        {
            Volatile.Write(ref _state, Stepping);
            _ = StepWhenResumedAsync();
            return false;
        }

        var syncContext = SynchronizationContext.Current;
        ValueTask<bool> move;
        try
        {
            if (syncContext is not null)
            {
                SynchronizationContext.SetSynchronizationContext(null);
            }

            if (_context is { } context && ExecutionContext.Capture() != context)
            {
                ExecutionContext.Run(context, s_moveNext, this);
                move = _move;
                _move = default;
            }
            else
            {
#pragma warning disable CA2012 // Consumed once below: at once when completed, or by the pump's continuation.
                move = _source!.MoveNextAsync();
#pragma warning restore CA2012
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

        if (!move.IsCompleted)
        {
            // The pump's continuation finishes the step: it holds the step from now on.
            Volatile.Write(ref _state, Stepping);
            AwaitMove(move);
            return false;
        }

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

        return true;
    }

#pragma warning disable CA2012 // Stored for the step holder, who consumes it exactly once (at once when completed, or from its continuation).
    private void MoveSource() => _move = _source!.MoveNextAsync(); // in the run's execution context (ExecutionContext.Run)
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

    /// <summary>
    /// The consumer is leaving (before its slot is freed, on its own thread, outside a step): a step it kept goes back
    /// to <see cref="Idle"/>, so the next consumer, or the pump once the slot is free, takes it with an interlocked operation.
    /// </summary>
    public void OnConsumerDetaching() => Interlocked.CompareExchange(ref _state, Idle, Consumer);

    /// <summary>The consumer left (its slot is already free): the run goes on by itself.</summary>
    public void OnConsumerDetached() => Kick();

    private void Kick()
    {
#if NET
        // Pairs with the consumer's plain stores (its in-step mark, see TryAdvance): after this barrier, either the
        // consumer sees the flag just stored, or this thread sees whether the consumer is inside a step.
        Interlocked.MemoryBarrierProcessWide();
#endif
        if (!ShouldRunFree)
        {
            return;
        }

        if (Interlocked.CompareExchange(ref _state, Stepping, Idle) == Idle)
        {
            QueueSteps();
        }
        else if (!Volatile.Read(ref _consumerInStep) && Interlocked.CompareExchange(ref _state, Stepping, Consumer) == Consumer)
        {
            // The consumer kept the step and is in its loop body (perhaps waiting for the run's end): take it.
            QueueSteps();
        }
    }

    /// <summary>Gives a free or consumer-held step to the pump, which then runs free on the thread pool.</summary>
    private void TakeForPump()
    {
        if (Interlocked.CompareExchange(ref _state, Stepping, Consumer) == Consumer
            || Interlocked.CompareExchange(ref _state, Stepping, Idle) == Idle)
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
