using System.Diagnostics;

namespace CancelGen.Internal;

/// <summary>
/// One run: its status decision, its token, its tracked tasks, its turn/pause boundaries and its events.
/// The handle (<see cref="RunResultStreaming{TEvent}"/>) and the run's code (through
/// <see cref="RunContext{TEvent}"/>) both talk to this object.
/// </summary>
/// <remarks>
/// The status is decided once, under <see cref="Gate"/>: the first of an immediate cancel, an after-turn
/// stop or a fault wins; <see cref="RunStatus.Completed"/> is decided only when the run's code and every
/// tracked task have ended. Everything that can run user code (token callbacks, task continuations)
/// happens outside the lock.
/// </remarks>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "The run's token source is never disposed: the run's code and its tasks may still read or register on the token after the run ended, and a source without a timer holds nothing to release.")]
internal sealed class RunCore<TEvent> : RunContext<TEvent>, IAbandonableRun
{
    private readonly CancellationTokenSource _source = new();
    private readonly CancellationToken _token;
    private readonly TrackedTaskSet _tasks = new();
    private readonly TaskCompletionSource<bool> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly RunOutput? _output;
    private readonly string? _name;
    private readonly AbandonedRunPolicy _abandonedRunPolicy;
    private readonly RunStartSite? _startSite;

    private volatile RunStatus _status;
    private Exception? _fault;
    private CancelMode? _stoppedBy;
    private long? _cancelRequestedAt;
    private volatile bool _codeEnded;
    private volatile bool _faultDelivered;
    private int _turn = 1;
    private object? _savedProgress;
    private Activity? _activity;
    private CancellationTokenRegistration _startRegistration;
    private CancellationToken _startToken;
    private int _stoppingReported;
    private PauseGate _pause;
    private LazySignal _ended;
    private LazySignal _afterTurnAsked;
    private IteratorPump<TEvent>? _pump;
    private Func<RunContext<TEvent>, CancellationToken, Task>? _body;
    private Task? _code;
    private ExecutionContext? _startContext;
    private int _codeStarted;

    public RunCore(RunOptions? options, RunStartSite? startSite, RunOutput? output = null)
    {
        _token = _source.Token;
        _name = options?.Name;
        _abandonedRunPolicy = options?.AbandonedRunPolicy ?? AbandonedRunPolicy.CancelAndReport;
        _startSite = startSite;
        _output = output;
        AbandonLink = new AbandonLink(this);
        Buffer = new EventBuffer<TEvent>(options?.BufferCapacity, options?.EventHistory ?? EventHistory.None);
    }

    public EventBuffer<TEvent> Buffer { get; }

    /// <summary>The lock of the status decision: the tracked-task set's own (one object fewer per run; a monitor is reentrant).</summary>
    private object Gate => _tasks;

    /// <summary>What the handle's <see cref="AbandonedRunSentinel"/> holds; released once the run is decided or ended.</summary>
    public AbandonLink AbandonLink { get; }

    /// <summary>"The run" or "The run 'name'", for error messages.</summary>
    public string Description => _name is null ? "The run" : $"The run '{_name}'";

    public RunStatus Status => _status;

    public Exception? Fault => _status == RunStatus.Faulted ? Volatile.Read(ref _fault) : null;

    public bool IsPaused => _pause.IsPaused;

    /// <summary>Completes when the run and its tracked tasks have ended. Asking for it lets an iterator run free (someone may wait for its end inside the consumer's loop).</summary>
    public Task Completion
    {
        get
        {
            _pump?.RunFree();
            return _completion.Task;
        }
    }

    /// <summary>Completes, never faulting, when the run and all its tracked tasks have ended.</summary>
    public Task Ended
    {
        get
        {
            _pump?.RunFree();
            return _ended.Task;
        }
    }

    public object? SavedProgress => Volatile.Read(ref _savedProgress);

    public TrackedTaskInfo[] TrackedTasks => _tasks.Snapshot();

    public override CancellationToken CancellationToken => _token;

    public override string? Name => _name;

    public override int CurrentTurn => Volatile.Read(ref _turn);

    public override bool IsCancelAfterTurnRequested => _afterTurnAsked.IsSet;

    // ---- start and end -------------------------------------------------------------------------

    /// <summary>Starts an iterator-form run: its pump creates and advances the iterator (see <see cref="IteratorPump{TEvent}"/>).</summary>
    public void StartIterator(Func<RunContext, CancellationToken, IAsyncEnumerable<TEvent>> iterator, CancellationToken startToken)
    {
        _pump = new IteratorPump<TEvent>(this, iterator);
        Buffer.Pump = _pump;
        Start(startToken);
    }

    /// <summary>Starts an emitter-form run: <paramref name="body"/> runs on the thread pool and pushes its events.</summary>
    public void StartEmitter(Func<RunContext<TEvent>, CancellationToken, Task> body, CancellationToken startToken)
    {
        _body = body;
        Start(startToken);
    }

    /// <summary>Starts the run's code on the thread pool; <paramref name="startToken"/> cancels the run like <see cref="CancelMode.Immediate"/>.</summary>
    private void Start(CancellationToken startToken)
    {
        _activity = RunTelemetry.StartRun(_name);
        _startToken = startToken;
        if (startToken.IsCancellationRequested)
        {
            _codeStarted = 1; // never
            RequestCancel(CancelMode.Immediate);
            OnCodeEnded(null);
            return;
        }

        if (startToken.CanBeCanceled)
        {
            _startRegistration = startToken.Register(static state => ((RunCore<TEvent>)state!).RequestCancel(CancelMode.Immediate), this);
        }

        // QueueUserWorkItem flows the caller's execution context to the run's code, as Task.Run did, for less. The first
        // consumer may start the code before the pool does (StartCodeOnConsumer), in the same execution context.
        _startContext = ExecutionContext.Capture();
#if NET
        ThreadPool.QueueUserWorkItem(static core => core.ExecuteOnce(), this, preferLocal: false);
#else
        ThreadPool.QueueUserWorkItem(static state => ((RunCore<TEvent>)state!).ExecuteOnce(), this);
#endif
    }

    /// <summary>Whether the run's code was started (by the thread pool or by a consumer), or never will be.</summary>
    public bool CodeStarted => Volatile.Read(ref _codeStarted) != 0;

    /// <summary>
    /// Starts the run's code on the calling consumer's thread when the thread pool has not started it yet: the consumer
    /// would only wait for a pool thread. The code runs in the execution context of the <c>Start</c> call, without the
    /// consumer's synchronization context, until its first pending await; a consumer on a task scheduler of its own
    /// leaves it to the pool.
    /// </summary>
    public void StartCodeOnConsumer()
    {
        if (_startContext is not { } context || TaskScheduler.Current != TaskScheduler.Default || Interlocked.Exchange(ref _codeStarted, 1) != 0)
        {
            return;
        }

        var syncContext = SynchronizationContext.Current;
        try
        {
            if (syncContext is not null)
            {
                SynchronizationContext.SetSynchronizationContext(null);
            }

            if (_activity is null && ExecutionContext.Capture() == context)
            {
                Execute();
            }
            else
            {
                ExecutionContext.Run(context, static core => ((RunCore<TEvent>)core!).Execute(), this);
            }
        }
        finally
        {
            if (syncContext is not null)
            {
                SynchronizationContext.SetSynchronizationContext(syncContext);
            }
        }
    }

    private void ExecuteOnce()
    {
        if (Interlocked.Exchange(ref _codeStarted, 1) == 0)
        {
            Execute();
        }
    }

    private void Execute()
    {
        if (_activity is not null)
        {
            Activity.Current = _activity;
        }

        if (_pump is { } pump)
        {
            pump.Begin();
            return;
        }

        Task code;
        try
        {
            code = _body!(this, _token)
                ?? throw new InvalidOperationException($"{Description}'s delegate returned null instead of a Task.");
        }
#pragma warning disable CA1031 // Any exception of the run's code is the run's fault: it is recorded, never lost.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            OnCodeEnded(ex);
            return;
        }

        _body = null;
        _startContext = null;
        _code = code;
        if (code.IsCompleted)
        {
            OnCodeCompleted();
        }
        else
        {
            code.ConfigureAwait(false).GetAwaiter().UnsafeOnCompleted(OnCodeCompleted);
        }
    }

    private void OnCodeCompleted()
    {
        var code = _code!;
        _code = null;
        if (code.Status == TaskStatus.RanToCompletion)
        {
            _output?.OnCodeReturned(code);
        }

        OnCodeEnded(TaskFailures.Of(code));
    }

    /// <summary>The run's code has ended (returned, thrown, or its iterator finished): the run ends once its tracked tasks have.</summary>
    public void OnCodeEnded(Exception? error)
    {
        if (error is not null && !IsStopUnwinding(error))
        {
            ReportFault(error);
        }

        _codeEnded = true;
        TryFinalize();
    }

    private void TryFinalize()
    {
        if (!_codeEnded || !_tasks.TryClose())
        {
            return;
        }

        RunStatus status;
        Exception? fault;
        lock (Gate)
        {
            if (_status == RunStatus.Running)
            {
                _status = RunStatus.Completed;
            }

            status = _status;
            fault = _fault;
        }

        AbandonLink.Release();
        Buffer.Complete(fault);
        _startRegistration.Dispose();
        if (Interlocked.Exchange(ref _stoppingReported, StoppingState.Ended) == StoppingState.Reported)
        {
            RunTelemetry.RunStopped(_name);
        }

        _pause.Resume();
        RunTelemetry.RunEnded(_activity, new RunEndReport(_name, status, CurrentTurn, _tasks.TotalTracked, _stoppedBy, _cancelRequestedAt, fault));
        _output?.OnRunEnded(status, fault);
        if (fault is null)
        {
            _completion.TrySetResult(true);
        }
        else
        {
            _completion.TrySetException(fault);
            if (_faultDelivered)
            {
                _ = _completion.Task.Exception;
            }
        }

        _ended.TrySet();
    }

    /// <summary>
    /// Whether <paramref name="error"/> is a stop of the run unwinding its code or a task: an
    /// <see cref="OperationCanceledException"/> while the run's token (cancelled only by a decision) or the
    /// start token is cancelled. Any other exception, including a cancellation for a token of the code's own
    /// (a tool's timeout, <c>HttpClient.Timeout</c>), is a failure of the run.
    /// </summary>
    private bool IsStopUnwinding(Exception error)
    {
        if (error is not OperationCanceledException)
        {
            return false;
        }

        if (_token.IsCancellationRequested)
        {
            return true;
        }

        if (_startToken.IsCancellationRequested)
        {
            // The start token's callbacks run newest first: code that listens to it may end before the run's own
            // registration has cancelled the run. Decide that cancel now, before anything reads this ending as a fault.
            RequestCancel(CancelMode.Immediate);
            return true;
        }

        return false;
    }

    // ---- decisions -----------------------------------------------------------------------------

    public void RequestCancel(CancelMode mode)
    {
        switch (mode)
        {
            case CancelMode.Immediate:
                CancelImmediately();
                break;
            case CancelMode.AfterTurn:
                lock (Gate)
                {
                    if (_status != RunStatus.Running)
                    {
                        return;
                    }

                    _cancelRequestedAt ??= Stopwatch.GetTimestamp();
                }

                _afterTurnAsked.TrySet();
                _pump?.RunFree();
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(mode), mode, $"Unknown CancelMode {(int)mode}: use CancelMode.Immediate or CancelMode.AfterTurn.");
        }
    }

    private void CancelImmediately()
    {
        bool decided = false;
        lock (Gate)
        {
            if (_status == RunStatus.Running)
            {
                _status = RunStatus.Cancelled;
                _stoppedBy = CancelMode.Immediate;
                _cancelRequestedAt ??= Stopwatch.GetTimestamp();
                decided = true;
            }
            else if (_status != RunStatus.Cancelled)
            {
                return; // Completed and Faulted stay as they are.
            }
        }

        if (decided)
        {
            Stop(stopDelivery: true, fault: null);
        }
        else
        {
            // Already stopped after a turn: an immediate cancel still drops what is undelivered.
            Buffer.StopDelivery();
        }
    }

    private OperationCanceledException StopAfterTurn(int turn)
    {
        bool decided = false;
        lock (Gate)
        {
            if (_status == RunStatus.Running)
            {
                _status = RunStatus.Cancelled;
                _stoppedBy = CancelMode.AfterTurn;
                decided = true;
            }
        }

        if (decided)
        {
            Stop(stopDelivery: false, fault: null);
        }

        return new OperationCanceledException($"{Description} was cancelled after turn {turn}.", _token);
    }

    private void ReportFault(Exception fault)
    {
        lock (Gate)
        {
            if (_status != RunStatus.Running)
            {
                return; // First decision wins: a failure after a cancel or another failure is not the run's fault.
            }

            _status = RunStatus.Faulted;
            _fault = fault;
        }

        Stop(stopDelivery: false, fault);
    }

    private void Stop(bool stopDelivery, Exception? fault)
    {
        AbandonLink.Release();

        // Token first: an emit racing with the stop then fails as cancelled, never as "ended".
        try
        {
            _source.Cancel();
        }
        catch (AggregateException)
        {
            // A callback the run's code registered on its token threw; the run is already decided.
        }

        if (stopDelivery)
        {
            Buffer.StopDelivery();
        }
        else
        {
            Buffer.Complete(fault);
        }

        _pump?.RunFree();

        // The run is decided: a callback failing while its tasks are cancelled is not its fault (first decision wins).
        _tasks.Cancel(static _ => true, out _);
        ReportStopping();
    }

    /// <summary>Reports a decided stop that has not ended the run at once: its code or tracked tasks are still going.</summary>
    private void ReportStopping()
    {
        if (Interlocked.CompareExchange(ref _stoppingReported, StoppingState.Reported, StoppingState.None) != StoppingState.None)
        {
            return; // The run has already ended (or its stop was reported).
        }

        CancelMode? mode;
        lock (Gate)
        {
            mode = _stoppedBy;
        }

        var live = _tasks.Snapshot();
        var names = new string[live.Length];
        for (var i = 0; i < live.Length; i++)
        {
            names[i] = live[i].Name;
        }

        RunTelemetry.RunStopping(_activity, _name, _status, mode, names);
    }

    /// <summary>The handle was garbage collected while the run was going: report it, and cancel unless the policy is report-only.</summary>
    public void OnAbandoned()
    {
        if (_status != RunStatus.Running)
        {
            return; // Decided after the handle was collected: nothing is left running unattended.
        }

        var description = _name ?? $"An unnamed run of {typeof(TEvent).Name} events";
        RunTelemetry.RunAbandoned(_activity, new RunAbandonReport(_name, description, _abandonedRunPolicy, _startSite?.Describe()));
        if (_abandonedRunPolicy == AbandonedRunPolicy.CancelAndReport)
        {
            CancelImmediately();
        }
    }

    public void MarkFaultObserved()
    {
        _faultDelivered = true;
        if (_completion.Task.IsFaulted)
        {
            _ = _completion.Task.Exception;
        }
    }

    // ---- pause ---------------------------------------------------------------------------------

    public void Pause()
    {
        if (_status == RunStatus.Running)
        {
            _pause.Pause();
        }
    }

    public void Resume() => _pause.Resume();

    // ---- RunContext ----------------------------------------------------------------------------

    public override ValueTask EmitAsync(TEvent item)
    {
        if (_token.IsCancellationRequested)
        {
            return new ValueTask(Task.FromCanceled(_token));
        }

        return _pause.IsPaused ? EmitWhenResumedAsync(item) : Buffer.WriteAsync(item, _token);
    }

    private async ValueTask EmitWhenResumedAsync(TEvent item)
    {
        await _pause.WaitAsync(_token).ConfigureAwait(false);
        await Buffer.WriteAsync(item, _token).ConfigureAwait(false);
    }

    /// <summary>Waits while paused: the producer's hold point between events.</summary>
    public ValueTask WaitWhilePausedAsync() => _pause.WaitAsync(_token);

    public override ValueTask EndTurnAsync()
    {
        if (_token.IsCancellationRequested)
        {
            return new ValueTask(Task.FromCanceled(_token));
        }

        if (!IsCancelAfterTurnRequested && !_pause.IsPaused)
        {
            AdvanceTurn();
            return default;
        }

        return EndTurnSlowAsync();
    }

    private async ValueTask EndTurnSlowAsync()
    {
        while (true)
        {
            if (IsCancelAfterTurnRequested)
            {
                var turn = CurrentTurn;
                await _tasks.WhenTurnEnded(turn).WaitOrCancelAsync(_token).ConfigureAwait(false);
                throw StopAfterTurn(turn);
            }

            var resumed = _pause.ResumedTask;
            if (resumed is null)
            {
                break;
            }

            await Task.WhenAny(resumed, _afterTurnAsked.Task).WaitOrCancelAsync(_token).ConfigureAwait(false);
        }

        AdvanceTurn();
    }

    private void AdvanceTurn()
    {
        Interlocked.Increment(ref _turn);
        Buffer.OnTurnEnded();
    }

    public override void SaveProgress(object? state) => Volatile.Write(ref _savedProgress, state);

    public RunProgress<TEvent> GetProgress() =>
        new(SavedProgress, CurrentTurn, Status, Buffer.GetUndelivered(), Buffer.GetHistory());

    // ---- tracked tasks -------------------------------------------------------------------------

    public override Task Track(Task task, string? name = null) => TrackCore<NoResult>(task, name);

    public override Task<TResult> Track<TResult>(Task<TResult> task, string? name = null) => TrackCore<TResult>(task, name);

    public override Task Run(Func<CancellationToken, Task> work, string? name = null)
    {
        Guard.NotNull(work, nameof(work));
        return StartTracked<NoResult>(name, token => Task.Run(() => work(token), token));
    }

    public override Task<TResult> Run<TResult>(Func<CancellationToken, Task<TResult>> work, string? name = null)
    {
        Guard.NotNull(work, nameof(work));
        return StartTracked<TResult>(name, token => Task.Run(() => work(token), token));
    }

    private Task<TResult> TrackCore<TResult>(Task task, string? name)
    {
        Guard.NotNull(task, nameof(task));

        var entry = new TrackedTask<TResult>(_tasks.NextId(), name, CurrentTurn, source: null, _name);
        Add(entry, source: null);
        entry.Attach(task, OnTrackedEnded);
        if (_token.IsCancellationRequested)
        {
            _ = entry.RequestCancel(); // A tracked (not started) task has no token of ours: no callback to fail.
        }

        return entry.View;
    }

    /// <summary>Tracks the task <paramref name="start"/> returns; it is called only when the run can still own it, with the task's own token.</summary>
    private Task<TResult> StartTracked<TResult>(string? name, Func<CancellationToken, Task> start)
    {
        if (_token.IsCancellationRequested)
        {
            return Task.FromCanceled<TResult>(_token);
        }

        var source = CancellationTokenSource.CreateLinkedTokenSource(_token);
        var entry = new TrackedTask<TResult>(_tasks.NextId(), name, CurrentTurn, source, _name);
        Add(entry, source);
        var token = source.Token;
        entry.Attach(start(token), OnTrackedEnded);
        return entry.View;
    }

    private void Add(TrackedTask entry, CancellationTokenSource? source)
    {
        if (!_tasks.TryAdd(entry))
        {
            source?.Dispose();
            throw new InvalidOperationException(
                $"{Description} has ended: it can no longer own '{entry.Name}'. Track or start background work while the run's code is still running.");
        }

        RunTelemetry.TaskStarted();
    }

    private void OnTrackedEnded(TrackedTask entry)
    {
        // A task cancelled on purpose (CancelTask, or the run's stop) ends as it may; any other ending that is not a
        // success is a failure of the run, a cancellation for a token that is not the run's included.
        if (!entry.CancelRequested && TaskFailures.Of(entry.Underlying!) is { } failure && !IsStopUnwinding(failure))
        {
            ReportFault(failure);
        }

        _tasks.Remove(entry);
        RunTelemetry.TaskEnded();
        TryFinalize();
    }

    /// <summary>Cancels the matching tasks alone; a callback that fails while one is cancelled is a failure of the run, never lost.</summary>
    public int CancelTasks(Func<TrackedTask, bool> match)
    {
        var count = _tasks.Cancel(match, out var callbackFailures);
        if (callbackFailures is not null)
        {
            ReportFault(callbackFailures[0]);
        }

        return count;
    }
}
