using System.Runtime.CompilerServices;

namespace CancelGen.Internal;

/// <summary>
/// The one consumer of a run's events. Leaving the loop or cancelling its token detaches it and
/// leaves the run going; a delivery stop (immediate cancel, dispose) ends it without an exception;
/// a fault of the run is thrown after the buffered events.
/// </summary>
internal sealed class EventConsumer<TEvent> : IAsyncEnumerator<TEvent>
{
    private readonly EventBuffer<TEvent> _buffer;

    // The run's handle, until this consumer is disposed. The run never references its handle; a consumer
    // waiting for an event is referenced by the run's buffer, so this field is what keeps the handle of a run
    // being read from looking abandoned. Disposing lets it go: the channel may keep a finished waiter (and so
    // this consumer) until its next wait, which must not keep a dropped handle alive.
    private object? _handle;
    private readonly Action _onFaultDelivered;
    private readonly CancellationToken _cancellationToken;
    private readonly CancellationTokenSource? _linkedSource;
    private int _disposed;

    public EventConsumer(EventBuffer<TEvent> buffer, object handle, Action onFaultDelivered, CancellationToken first, CancellationToken second)
    {
        _buffer = buffer;
        _handle = handle;
        _onFaultDelivered = onFaultDelivered;
        if (first.CanBeCanceled && second.CanBeCanceled && first != second)
        {
            _linkedSource = CancellationTokenSource.CreateLinkedTokenSource(first, second);
            _cancellationToken = _linkedSource.Token;
        }
        else
        {
            _cancellationToken = first.CanBeCanceled ? first : second;
        }

        Current = default!;
    }

    public TEvent Current { get; private set; }

    public ValueTask<bool> MoveNextAsync()
    {
        if (Volatile.Read(ref _disposed) != 0)
        {
            return new ValueTask<bool>(false);
        }

        _cancellationToken.ThrowIfCancellationRequested();
        return TryTake() switch
        {
            Take.Item => new ValueTask<bool>(true),
            Take.End => new ValueTask<bool>(false),
            _ => WaitAndTakeAsync(),
        };
    }

#if NET8_0_OR_GREATER
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
#endif
    private async ValueTask<bool> WaitAndTakeAsync()
    {
        while (true)
        {
            bool more;
            try
            {
                more = await _buffer.Reader.WaitToReadAsync(_cancellationToken).ConfigureAwait(false);
            }
            catch (Exception) when (_buffer.DeliveryStopped && !_cancellationToken.IsCancellationRequested)
            {
                return false;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !_cancellationToken.IsCancellationRequested)
            {
                _onFaultDelivered();
                throw;
            }

            if (!more)
            {
                return false;
            }

            switch (TryTake())
            {
                case Take.Item:
                    return true;
                case Take.End:
                    return false;
            }
        }
    }

    private Take TryTake()
    {
        if (_buffer.DeliveryStopped)
        {
            return Take.End;
        }

        if (!_buffer.Reader.TryRead(out var item))
        {
            return Take.Nothing;
        }

        if (_buffer.DeliveryStopped)
        {
            _buffer.KeepUndelivered(item);
            return Take.End;
        }

        Current = item;
        return Take.Item;
    }

    public ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _linkedSource?.Dispose();
            Current = default!;
            _buffer.ReleaseConsumer();
            _handle = null;
        }

        return default;
    }

    private enum Take
    {
        Nothing,
        Item,
        End,
    }
}
