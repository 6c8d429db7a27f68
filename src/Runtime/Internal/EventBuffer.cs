namespace CancelGen.Internal;

/// <summary>
/// The events between a run's producer and its one consumer: a queue (bounded or not) under one lock, the hand-off to
/// a waiting consumer, the one-consumer rule, the delivery stop of an immediate cancel (keeping what it drops), and the
/// optional history used for progress saving.
/// </summary>
/// <remarks>
/// A write that finds the consumer waiting hands the event to it directly and returns the consumer to wake; the
/// caller wakes it outside the lock, on the thread pool when the caller is the run's code (an emitter must never run
/// the consumer's loop body) or inline when the caller is the iterator pump between two steps of the run's iterator.
/// Nothing here allocates per event: the queue (<see cref="SegmentedQueue{T}"/>) grows by linking segments, without
/// copying, and keeps a few consumed segments for reuse. The lock is a <see cref="ShortLock"/> (one compare-exchange
/// to take, one store to release): every critical section here is short (field updates; a copy of the kept events
/// for progress) and none calls out or waits.
/// </remarks>
internal sealed class EventBuffer<TEvent>
{
    private readonly int _capacity;
    private readonly EventHistory _historyMode;
    private SegmentedQueue<TEvent>? _queue;
    private List<TEvent>? _history;
    private List<TEvent>? _undelivered;
    private EventConsumer<TEvent>? _waiter;
    private TaskCompletionSource<bool>? _room;
    private Exception? _error;
    private volatile bool _completed;
    private volatile bool _deliveryStopped;
    private int _consumerActive;
#if NET
    private volatile bool _consumerTaking;
#endif
    private ShortLock _lock;

    /// <param name="capacity">The most unread events; <see langword="null"/>: unbounded.</param>
    /// <param name="historyMode">Which written events to keep.</param>
    public EventBuffer(int? capacity, EventHistory historyMode)
    {
        _capacity = capacity ?? 0;
        _historyMode = historyMode;
    }

    /// <summary>The iterator form's pump (the consumer advances it while waiting); <see langword="null"/> for the emitter form.</summary>
    public IteratorPump<TEvent>? Pump { get; set; }

    /// <summary>Whether an immediate cancel or a dispose has stopped delivery: no consumer gets another event.</summary>
    public bool DeliveryStopped => _deliveryStopped;

    /// <summary>Whether writes fail: the run ended, was decided, or delivery stopped.</summary>
    public bool IsCompleted => _completed;

    /// <summary>Whether a consumer holds the one consumer slot.</summary>
    public bool HasConsumer => Volatile.Read(ref _consumerActive) != 0;

    /// <summary>Whether a consumer waits for the next event (read without the lock, after a fence by the caller).</summary>
    public bool HasWaiter => Volatile.Read(ref _waiter) is not null;

    /// <summary>How many events are queued (a hint read without the lock).</summary>
    public int Count => Volatile.Read(ref _queue)?.Count ?? 0;

    // Under the lock: how many events are queued and unread.
    private int QueuedLocked => _queue?.Count ?? 0;

    // ---- writing -----------------------------------------------------------------------------

    /// <summary>Buffers <paramref name="item"/> (or hands it to the waiting consumer, woken on the thread pool), waiting for room when bounded and full.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> is cancelled.</exception>
    /// <exception cref="InvalidOperationException">The buffer was completed (the run ended).</exception>
    public ValueTask WriteAsync(TEvent item, CancellationToken cancellationToken)
    {
        switch (TryWrite(item, out var waiter))
        {
            case WriteResult.Written:
                waiter?.WakeOnThreadPool();
                return default;
            case WriteResult.Full:
                return WriteWhenRoomAsync(item, cancellationToken);
            default:
                return new ValueTask(Task.FromException(Closed(cancellationToken)));
        }
    }

    /// <summary>
    /// Writes <paramref name="item"/> unless the buffer is completed or full. When the consumer was waiting, the item
    /// is handed to it and <paramref name="waiter"/> is the consumer to wake (outside any lock, by the caller).
    /// </summary>
    public WriteResult TryWrite(TEvent item, out EventConsumer<TEvent>? waiter)
    {
        _lock.Enter();
        try
        {
            waiter = null;
            if (_completed)
            {
                return WriteResult.Closed;
            }

            if (_waiter is { } consumer)
            {
                _waiter = null;
                consumer.Hand(item);
                waiter = consumer;
            }
            else
            {
                if (_capacity != 0 && QueuedLocked >= _capacity)
                {
                    return WriteResult.Full;
                }

                var queue = _queue;
                if (queue is null)
                {
                    // Published for the consumer's lock-free take (TakeOrWait).
                    queue = new SegmentedQueue<TEvent>();
                    Volatile.Write(ref _queue, queue);
                }

                queue.Enqueue(item);
            }

            RecordLocked(item);
            return WriteResult.Written;
        }
        finally
        {
            _lock.Exit();
        }
    }

    /// <summary>
    /// Records an event the consumer took straight from the iterator it advanced itself (the queue was empty);
    /// <see langword="false"/> when the buffer is completed: the write failed and the event is not delivered.
    /// </summary>
    public bool TryRecordDirect(TEvent item)
    {
        if (_historyMode == EventHistory.None)
        {
            return !_completed;
        }

        _lock.Enter();
        try
        {
            if (_completed)
            {
                return false;
            }

            RecordLocked(item);
            return true;
        }
        finally
        {
            _lock.Exit();
        }
    }

    // Waits for room, then writes with TryWrite, never with a write that can be cancelled after it handed its item
    // on: what is recorded is exactly what the consumer can read (the chaos harness found that race in a channel).
    private async ValueTask WriteWhenRoomAsync(TEvent item, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task room;
            _lock.Enter();
            try
            {
                if (_completed)
                {
                    throw Closed(cancellationToken);
                }

                room = QueuedLocked < _capacity || _waiter is not null
                    ? Task.CompletedTask
                    : (_room ??= new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
            }
            finally
            {
                _lock.Exit();
            }

            await room.WaitOrCancelAsync(cancellationToken).ConfigureAwait(false);
            switch (TryWrite(item, out var waiter))
            {
                case WriteResult.Written:
                    waiter?.WakeOnThreadPool();
                    return;
                case WriteResult.Closed:
                    throw Closed(cancellationToken);
            }
        }
    }

    /// <summary>Completes when a write may succeed: there is room, a consumer waits, or the buffer is completed (the write then fails).</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> is cancelled first.</exception>
    public Task WaitForRoomAsync(CancellationToken cancellationToken)
    {
        Task room;
        _lock.Enter();
        try
        {
            room = _completed || QueuedLocked < _capacity || _waiter is not null
                ? Task.CompletedTask
                : (_room ??= new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
        }
        finally
        {
            _lock.Exit();
        }

        return room.WaitOrCancelAsync(cancellationToken);
    }

    /// <summary>The exception a failed write throws: cancelled when the run was stopped, otherwise "ended".</summary>
    public static Exception Closed(CancellationToken cancellationToken) =>
        cancellationToken.IsCancellationRequested
            ? new OperationCanceledException("The run was stopped; no more events can be emitted.", cancellationToken)
            : new InvalidOperationException("The run has ended; no more events can be emitted. Emit events only from the run's code or from tasks it tracks.");

    private void RecordLocked(TEvent item)
    {
        if (_historyMode != EventHistory.None)
        {
            (_history ??= []).Add(item);
        }
    }

    /// <summary>Marks a turn boundary: the current-turn history starts again.</summary>
    public void OnTurnEnded()
    {
        if (_historyMode != EventHistory.CurrentTurn)
        {
            return;
        }

        _lock.Enter();
        try
        {
            _history?.Clear();
        }
        finally
        {
            _lock.Exit();
        }
    }

    // ---- ending ------------------------------------------------------------------------------

    /// <summary>No more events will be written; what is buffered stays deliverable, then the consumer sees the end (or <paramref name="error"/>).</summary>
    public void Complete(Exception? error = null) => End(error, stopDelivery: false);

    /// <summary>Ends delivery now: buffered events are kept as undelivered and the consumer's loop ends without an exception.</summary>
    public void StopDelivery() => End(null, stopDelivery: true);

    private void End(Exception? error, bool stopDelivery)
    {
        EventConsumer<TEvent>? waiter = null;
        TaskCompletionSource<bool>? room;
        _lock.Enter();
        try
        {
            if (stopDelivery)
            {
                _deliveryStopped = true;
            }

            if (!_completed)
            {
                _completed = true;
                _error = error;
            }

            if (_waiter is { } consumer && (stopDelivery || QueuedLocked == 0))
            {
                _waiter = null;
                if (_error is { } fault && !stopDelivery)
                {
                    consumer.HandFault(fault);
                }
                else
                {
                    consumer.HandEnd();
                }

                waiter = consumer;
            }

            room = _room;
            _room = null;
        }
        finally
        {
            _lock.Exit();
        }

        room?.TrySetResult(true);
        waiter?.WakeOnThreadPool();
    }

    // ---- reading -----------------------------------------------------------------------------

    /// <summary>
    /// Takes the next event for <paramref name="consumer"/>, or tells it the stream ended (or faulted), or registers it
    /// as the waiter that the next write, end or its own cancellation will hand something to.
    /// </summary>
    /// <remarks>
    /// On .NET, an unbounded buffer's consumer takes an event that is in the queue's head segment without the lock
    /// (most events of a backlog): it marks itself taking, checks for a delivery stop, takes, and unmarks itself.
    /// <see cref="GetUndelivered"/>, the one other thread that removes events, pairs with that (see
    /// <see cref="WaitForLockFreeTake"/>). A bounded buffer takes under the lock: a take may have to free a waiting
    /// writer.
    /// </remarks>
    public TakeResult TakeOrWait(EventConsumer<TEvent> consumer, bool wait, out TEvent item, out Exception? fault)
    {
#if NET
        if (_capacity == 0 && Volatile.Read(ref _queue) is { } unlocked)
        {
            _consumerTaking = true;
            if (!_deliveryStopped && unlocked.TryTakeFromHeadSegment(out item))
            {
                _consumerTaking = false;
                fault = null;
                return TakeResult.Item;
            }

            _consumerTaking = false;
        }
#endif

        TaskCompletionSource<bool>? room = null;
        TakeResult result;
        _lock.Enter();
        try
        {
            item = default!;
            fault = null;
            if (_deliveryStopped)
            {
                return TakeResult.End;
            }

            if (_queue is { } queue && queue.TryDequeue(out item))
            {
                room = _room;
                _room = null;
                result = TakeResult.Item;
            }
            else if (_completed)
            {
                fault = _error;
                return fault is null ? TakeResult.End : TakeResult.Fault;
            }
            else
            {
                if (wait)
                {
                    _waiter = consumer;
                }

                result = TakeResult.Nothing;
            }
        }
        finally
        {
            _lock.Exit();
        }

        room?.TrySetResult(true);
        return result;
    }

    /// <summary>The consumer's token was cancelled while it waited: <see langword="true"/> when it was still the waiter (and no longer is).</summary>
    public bool TryCancelWait(EventConsumer<TEvent> consumer)
    {
        _lock.Enter();
        try
        {
            if (!ReferenceEquals(_waiter, consumer))
            {
                return false;
            }

            _waiter = null;
            return true;
        }
        finally
        {
            _lock.Exit();
        }
    }

    /// <summary>Keeps an event a consumer took but may no longer deliver. It is the oldest event not yet delivered, so it goes first.</summary>
    public void KeepUndelivered(TEvent item)
    {
        _lock.Enter();
        try
        {
            (_undelivered ??= []).Insert(0, item);
        }
        finally
        {
            _lock.Exit();
        }
    }

    /// <summary>The events dropped by a delivery stop, in order; empty while delivery goes on.</summary>
    public TEvent[] GetUndelivered()
    {
        if (!_deliveryStopped)
        {
            return [];
        }

        WaitForLockFreeTake();
        _lock.Enter();
        try
        {
            if (QueuedLocked != 0)
            {
                _queue!.DrainTo(_undelivered ??= []);
            }

            return _undelivered is null ? [] : [.. _undelivered];
        }
        finally
        {
            _lock.Exit();
        }
    }

    /// <summary>
    /// Called with delivery stopped, before removing events from the queue on a thread that may not be the consumer's:
    /// returns once the consumer is not halfway through a lock-free take, and will not start one that takes anything.
    /// </summary>
    /// <remarks>
    /// The consumer stores its taking mark, then loads the delivery stop; this thread stored the delivery stop, then
    /// loads the mark. One of the two must see the other's store: the consumer pays nothing for that per event, this
    /// rare call (a progress read after an immediate cancel, with a consumer attached) pays for a process-wide barrier.
    /// Without a consumer (its claim and release are interlocked), or without a queue (a stopped buffer takes no more
    /// writes), there is nothing to wait for.
    /// </remarks>
#if NET
    private void WaitForLockFreeTake()
    {
        Interlocked.MemoryBarrier();
        if (!HasConsumer || Volatile.Read(ref _queue) is null)
        {
            // No consumer, or nothing was ever queued (and, delivery stopped, nothing will be): no take to wait for.
            return;
        }

        Interlocked.MemoryBarrierProcessWide();
        var spinner = default(SpinWait);
        while (_consumerTaking)
        {
            spinner.SpinOnce(sleep1Threshold: -1);
        }
    }
#else
    private static void WaitForLockFreeTake()
    {
        // netstandard2.0: the consumer always takes under the lock.
    }
#endif

    /// <summary>The recorded history (see <see cref="EventHistory"/>).</summary>
    public TEvent[] GetHistory()
    {
        if (_historyMode == EventHistory.None)
        {
            return [];
        }

        _lock.Enter();
        try
        {
            return _history is null ? [] : [.. _history];
        }
        finally
        {
            _lock.Exit();
        }
    }

    // ---- the one consumer --------------------------------------------------------------------

    /// <summary>Claims the one consumer slot.</summary>
    /// <exception cref="InvalidOperationException">Another consumer is enumerating.</exception>
    public void ClaimConsumer(string runDescription)
    {
        if (Interlocked.CompareExchange(ref _consumerActive, 1, 0) != 0)
        {
            throw new InvalidOperationException(
                $"{runDescription} is already being enumerated: a run has one consumer at a time. " +
                "Finish or leave the other 'await foreach' over StreamEvents() first; the next consumer continues from the next undelivered event.");
        }
    }

    /// <summary>Frees the consumer slot; an iterator-form run goes on by itself again.</summary>
    public void ReleaseConsumer(EventConsumer<TEvent> consumer)
    {
        _lock.Enter();
        try
        {
            if (ReferenceEquals(_waiter, consumer))
            {
                _waiter = null;
            }
        }
        finally
        {
            _lock.Exit();
        }

        Pump?.OnConsumerDetaching();
        Interlocked.Exchange(ref _consumerActive, 0);
        Pump?.OnConsumerDetached();
    }
}

/// <summary>What <see cref="EventBuffer{TEvent}.TryWrite"/> did.</summary>
internal enum WriteResult
{
    /// <summary>Queued, or handed to the waiting consumer.</summary>
    Written,

    /// <summary>Bounded and full: nothing written.</summary>
    Full,

    /// <summary>The buffer is completed: nothing written, and nothing will be.</summary>
    Closed,
}

/// <summary>What <see cref="EventBuffer{TEvent}.TakeOrWait"/> found.</summary>
internal enum TakeResult
{
    /// <summary>Nothing yet (the consumer is the waiter when it asked to wait).</summary>
    Nothing,

    /// <summary>An event.</summary>
    Item,

    /// <summary>The stream ended (or delivery stopped).</summary>
    End,

    /// <summary>The stream ended with the run's fault.</summary>
    Fault,
}
