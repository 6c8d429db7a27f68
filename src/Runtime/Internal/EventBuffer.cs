using System.Threading.Channels;

namespace CancelGen.Internal;

/// <summary>
/// The events between a run's producer and its one consumer: a channel (bounded or not), the
/// one-consumer rule, the delivery stop of an immediate cancel (keeping what it drops), and the
/// optional history used for progress saving.
/// </summary>
internal sealed class EventBuffer<TEvent>
{
    private readonly Channel<TEvent> _channel;
    private readonly bool _bounded;
    private readonly EventHistory _historyMode;
    private readonly object _keptLock = new();
    private readonly List<TEvent> _undelivered = [];
    private readonly List<TEvent>? _history;
    private volatile bool _deliveryStopped;
    private int _consumerActive;

    public EventBuffer(int? capacity, EventHistory historyMode)
    {
        _bounded = capacity.HasValue;
        _historyMode = historyMode;
        _history = historyMode == EventHistory.None ? null : [];
        _channel = capacity is int bound
            ? Channel.CreateBounded<TEvent>(new BoundedChannelOptions(bound)
            {
                FullMode = BoundedChannelFullMode.Wait,
                SingleReader = false,
                SingleWriter = false,
                AllowSynchronousContinuations = false,
            })
            : Channel.CreateUnbounded<TEvent>(new UnboundedChannelOptions
            {
                SingleReader = false,
                SingleWriter = false,
                AllowSynchronousContinuations = false,
            });
    }

    /// <summary>Whether an immediate cancel or a dispose has stopped delivery: no consumer gets another event.</summary>
    public bool DeliveryStopped => _deliveryStopped;

    internal ChannelReader<TEvent> Reader => _channel.Reader;

    /// <summary>Buffers <paramref name="item"/>, waiting for room when bounded and full.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> is cancelled.</exception>
    /// <exception cref="InvalidOperationException">The buffer was completed (the run ended).</exception>
    public ValueTask WriteAsync(TEvent item, CancellationToken cancellationToken)
    {
        if (_channel.Writer.TryWrite(item))
        {
            Record(item);
            return default;
        }

        return _bounded ? WriteSlowAsync(item, cancellationToken) : new ValueTask(Task.FromException(Closed(cancellationToken)));
    }

    // Waits for room, then writes with TryWrite, never with a cancellable WriteAsync: the chaos harness saw a
    // bounded channel hand a blocked writer's item to the reader while that WriteAsync still ended cancelled
    // (a cancel racing the reader's transfer), so the event was delivered but never recorded. TryWrite either
    // writes or does not, so what is recorded is exactly what the consumer can read.
    private async ValueTask WriteSlowAsync(TEvent item, CancellationToken cancellationToken)
    {
        do
        {
            bool open;
            try
            {
                open = await _channel.Writer.WaitToWriteAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (ChannelClosedException)
            {
                open = false;
            }

            if (!open)
            {
                throw Closed(cancellationToken);
            }
        }
        while (!_channel.Writer.TryWrite(item));

        Record(item);
    }

    private static Exception Closed(CancellationToken cancellationToken) =>
        cancellationToken.IsCancellationRequested
            ? new OperationCanceledException("The run was stopped; no more events can be emitted.", cancellationToken)
            : new InvalidOperationException("The run has ended; no more events can be emitted. Emit events only from the run's code or from tasks it tracks.");

    private void Record(TEvent item)
    {
        if (_history is null)
        {
            return;
        }

        lock (_keptLock)
        {
            _history.Add(item);
        }
    }

    /// <summary>Marks a turn boundary: the current-turn history starts again.</summary>
    public void OnTurnEnded()
    {
        if (_historyMode != EventHistory.CurrentTurn)
        {
            return;
        }

        lock (_keptLock)
        {
            _history!.Clear();
        }
    }

    /// <summary>No more events will be written; what is buffered stays deliverable, then the consumer sees the end (or <paramref name="error"/>).</summary>
    public void Complete(Exception? error = null) => _channel.Writer.TryComplete(error);

    /// <summary>Ends delivery now: buffered events are kept as undelivered and the consumer's loop ends without an exception.</summary>
    public void StopDelivery()
    {
        _deliveryStopped = true;
        _channel.Writer.TryComplete();
    }

    /// <summary>Keeps an event a consumer took from the channel but may no longer deliver.</summary>
    public void KeepUndelivered(TEvent item)
    {
        lock (_keptLock)
        {
            _undelivered.Add(item);
        }
    }

    /// <summary>The events dropped by a delivery stop, in order; empty while delivery goes on.</summary>
    public TEvent[] GetUndelivered()
    {
        if (!_deliveryStopped)
        {
            return [];
        }

        lock (_keptLock)
        {
            while (_channel.Reader.TryRead(out var item))
            {
                _undelivered.Add(item);
            }

            return [.. _undelivered];
        }
    }

    /// <summary>The recorded history (see <see cref="EventHistory"/>).</summary>
    public TEvent[] GetHistory()
    {
        if (_history is null)
        {
            return [];
        }

        lock (_keptLock)
        {
            return [.. _history];
        }
    }

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

    /// <summary>Frees the consumer slot.</summary>
    public void ReleaseConsumer() => Volatile.Write(ref _consumerActive, 0);
}
