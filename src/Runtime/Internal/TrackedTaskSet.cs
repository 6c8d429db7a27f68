namespace CancelGen.Internal;

/// <summary>
/// The live tasks of a run. Once closed (empty, run's code ended) nothing more can join. The set is its own lock
/// (internal, never handed out) and creates its dictionary with the first task.
/// </summary>
internal sealed class TrackedTaskSet
{
    private Dictionary<long, TrackedTask>? _live;
    private long _lastId;
    private bool _closed;

    public int Count
    {
        get
        {
            lock (this)
            {
                return _live?.Count ?? 0;
            }
        }
    }

    public long NextId() => Interlocked.Increment(ref _lastId);

    /// <summary>How many tasks the run has tracked so far.</summary>
    public long TotalTracked => Volatile.Read(ref _lastId);

    /// <summary>Adds <paramref name="task"/>; <see langword="false"/> when the set is closed.</summary>
    public bool TryAdd(TrackedTask task)
    {
        lock (this)
        {
            if (_closed)
            {
                return false;
            }

            (_live ??= []).Add(task.Id, task);
            return true;
        }
    }

    public void Remove(TrackedTask task)
    {
        lock (this)
        {
            _live?.Remove(task.Id);
        }
    }

    /// <summary>Closes the set when it is empty; <see langword="true"/> for the one caller that closed it.</summary>
    public bool TryClose()
    {
        lock (this)
        {
            if (_closed || _live?.Count is > 0)
            {
                return false;
            }

            _closed = true;
            return true;
        }
    }

    public TrackedTaskInfo[] Snapshot()
    {
        lock (this)
        {
            if (_live is null || _live.Count == 0)
            {
                return [];
            }

            var infos = new TrackedTaskInfo[_live.Count];
            var i = 0;
            foreach (var task in _live.Values)
            {
                infos[i++] = task.ToInfo();
            }

            Array.Sort(infos, static (a, b) => a.Id.CompareTo(b.Id));
            return infos;
        }
    }

    /// <summary>Cancels the live tasks that <paramref name="match"/> selects; returns how many.</summary>
    /// <param name="match">Selects the tasks.</param>
    /// <param name="callbackFailures">What callbacks the tasks registered on their tokens threw while cancelling (none: <see langword="null"/>).</param>
    public int Cancel(Func<TrackedTask, bool> match, out List<Exception>? callbackFailures)
    {
        List<TrackedTask> selected;
        callbackFailures = null;
        lock (this)
        {
            if (_live is null || _live.Count == 0)
            {
                return 0;
            }

            selected = [.. _live.Values.Where(match)];
        }

        // Cancelling runs the work's callbacks: never under the lock.
        foreach (var task in selected)
        {
            if (task.RequestCancel() is { } failure)
            {
                (callbackFailures ??= []).Add(failure);
            }
        }

        return selected.Count;
    }

    /// <summary>Completes when every task started in <paramref name="turn"/> has ended (failures are the run's business, not this wait's).</summary>
    public Task WhenTurnEnded(int turn)
    {
        Task[] ended;
        lock (this)
        {
            if (_live is null)
            {
                return Task.CompletedTask;
            }

            ended = [.. _live.Values.Where(t => t.Turn == turn).Select(t => t.Ended)];
        }

        return ended.Length == 0 ? Task.CompletedTask : Task.WhenAll(ended);
    }
}
