namespace CancelGen.Internal;

/// <summary>
/// One task owned by a run: the work itself (<see cref="Underlying"/>, which the run waits for) and the
/// view handed back to the run's code, which also ends as cancelled when the task is cancelled.
/// </summary>
internal abstract class TrackedTask
{
    private readonly CancellationTokenSource? _source;
    private readonly TaskCompletionSource<bool> _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _cancelRequested;
    private int _stopping;

    protected TrackedTask(long id, string? name, int turn, CancellationTokenSource? source, string? runName)
    {
        RunName = runName;
        Id = id;
        Name = name ?? $"task-{id}";
        Turn = turn;
        _source = source;
    }

    public long Id { get; }

    public string Name { get; }

    public int Turn { get; }

    /// <summary>The owning run's <see cref="RunOptions.Name"/>, for telemetry tags.</summary>
    public string? RunName { get; }

    /// <summary>The work; set once by <see cref="Attach"/>.</summary>
    public Task? Underlying { get; private set; }

    /// <summary>Completes (never faults) when the work has ended.</summary>
    public Task Ended => _ended.Task;

    public bool CancelRequested => Volatile.Read(ref _cancelRequested) != 0;

    public TrackedTaskInfo ToInfo() => new(Id, Name, Turn,
        CancelRequested ? TrackedTaskStatus.CancellationRequested : TrackedTaskStatus.Running);

    /// <summary>Asks the work to stop (its own token, when it has one) and ends the view as cancelled.</summary>
    /// <returns>What a callback the work registered on its token threw while cancelling, or <see langword="null"/>.</returns>
    public Exception? RequestCancel()
    {
        if (Interlocked.Exchange(ref _cancelRequested, 1) != 0)
        {
            return null;
        }

        Exception? callbackFailure = null;
        try
        {
            _source?.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The work has already ended and released its source.
        }
        catch (AggregateException failure)
        {
            callbackFailure = failure.InnerExceptions.Count == 1 ? failure.InnerException : failure;
        }

        CancelView();
        if (Interlocked.CompareExchange(ref _stopping, StoppingState.Reported, StoppingState.None) == StoppingState.None)
        {
            RunTelemetry.TaskStopping(RunName);
        }

        return callbackFailure;
    }

    /// <summary>Sets the work and calls <paramref name="onEnded"/> (once) when it ends.</summary>
    public void Attach(Task underlying, Action<TrackedTask> onEnded)
    {
        Underlying = underlying;
        underlying.ContinueWith(
            static (task, state) =>
            {
                var (self, callback) = ((TrackedTask, Action<TrackedTask>))state!;
                if (Interlocked.Exchange(ref self._stopping, StoppingState.Ended) == StoppingState.Reported)
                {
                    RunTelemetry.TaskStopped(self.RunName);
                }

                self.PublishOutcome(task);
                self._source?.Dispose();
                callback(self);
                self._ended.TrySetResult(true);
            },
            (this, onEnded),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    protected abstract void CancelView();

    protected abstract void PublishOutcome(Task underlying);
}

/// <summary>A <see cref="TrackedTask"/> whose view carries a <typeparamref name="TResult"/>.</summary>
internal sealed class TrackedTask<TResult> : TrackedTask
{
    private readonly TaskCompletionSource<TResult> _view = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TrackedTask(long id, string? name, int turn, CancellationTokenSource? source, string? runName)
        : base(id, name, turn, source, runName)
    {
    }

    /// <summary>What the run's code awaits.</summary>
    public Task<TResult> View => _view.Task;

    protected override void CancelView() => _view.TrySetCanceled();

    protected override void PublishOutcome(Task underlying)
    {
        switch (underlying.Status)
        {
            case TaskStatus.RanToCompletion:
                _view.TrySetResult(underlying is Task<TResult> typed ? typed.Result : default!);
                break;
            case TaskStatus.Faulted:
                _view.TrySetException(underlying.Exception!.InnerExceptions);
                break;
            default:
                _view.TrySetCanceled();
                break;
        }

        // The run reports the failure itself; an unread view must not raise UnobservedTaskException.
        _ = _view.Task.Exception;
    }
}
