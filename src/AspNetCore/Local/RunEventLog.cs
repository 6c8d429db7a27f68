using System.Runtime.CompilerServices;

namespace CancelGen.Local;

/// <summary>
/// A run's events, numbered from 1, of which the latest <c>capacity</c> are kept; any number of readers read from
/// any point and wait for more. Completed once the run has ended and its last event is in.
/// </summary>
internal sealed class RunEventLog
{
    private readonly Lock _gate = new();
    private readonly RunEventFrame?[] _ring;
    private long _lastId;
    private bool _completed;
    private TaskCompletionSource _changed = NewSignal();

    /// <summary>Creates a log that keeps the latest <paramref name="capacity"/> events.</summary>
    public RunEventLog(int capacity) => _ring = new RunEventFrame?[capacity];

    /// <summary>The number of the last event appended (0 before the first).</summary>
    public long LastEventId
    {
        get
        {
            lock (_gate)
            {
                return _lastId;
            }
        }
    }

    /// <summary>Whether the last event is in.</summary>
    public bool IsCompleted
    {
        get
        {
            lock (_gate)
            {
                return _completed;
            }
        }
    }

    /// <summary>Appends the next event.</summary>
    public void Append(string eventType, string data)
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            _lastId++;
            _ring[(_lastId - 1) % _ring.Length] = new RunEventFrame(_lastId, eventType, data);
            changed = _changed;
            _changed = NewSignal();
        }

        changed.TrySetResult();
    }

    /// <summary>Marks the log complete: readers end after the last event.</summary>
    public void Complete()
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            _completed = true;
            changed = _changed;
        }

        changed.TrySetResult();
    }

    /// <summary>The events after <paramref name="afterEventId"/> as they come; ids jump over events no longer kept.</summary>
    public async IAsyncEnumerable<RunEventFrame> ReadAsync(long afterEventId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var cursor = afterEventId;
        while (true)
        {
            RunEventFrame[] batch;
            Task changed;
            bool completed;
            lock (_gate)
            {
                batch = CopyAfter(cursor);
                changed = _changed.Task;
                completed = _completed;
            }

            foreach (var frame in batch)
            {
                yield return frame;
                cursor = frame.Id;
            }

            if (batch.Length == 0)
            {
                if (completed)
                {
                    yield break;
                }

                await changed.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private RunEventFrame[] CopyAfter(long cursor)
    {
        var first = Math.Max(cursor + 1, Math.Max(1, _lastId - _ring.Length + 1));
        if (first > _lastId)
        {
            return [];
        }

        var batch = new RunEventFrame[_lastId - first + 1];
        for (var id = first; id <= _lastId; id++)
        {
            batch[id - first] = _ring[(id - 1) % _ring.Length]!;
        }

        return batch;
    }
}
