using System.Runtime.CompilerServices;
using CancelGen.Logging;
using Microsoft.Extensions.Logging;

namespace CancelGen.Local;

/// <summary>
/// A run of this process held by the registry: it pumps the run's events into a bounded log, counts readers, cancels
/// the run when nobody has read it for the detached timeout, and reports the run's state.
/// </summary>
internal sealed class LocalRun : IRegisteredRun
{
    private readonly Lock _gate = new();
    private readonly IRunHandle _handle;
    private readonly RunEventLog _log;
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _detachedRunTimeout;
    private readonly ILogger _logger;
    private int _readers;
    private ITimer? _detachTimer;
    private int _detachArming;
    private volatile bool _pumpFailed;

    public LocalRun(string id, string? owner, IRunHandle handle, int eventLogCapacity, TimeSpan detachedRunTimeout, TimeProvider timeProvider, ILogger logger)
    {
        Id = id;
        Owner = owner;
        _handle = handle;
        _log = new RunEventLog(eventLogCapacity);
        _detachedRunTimeout = detachedRunTimeout;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    public string Id { get; }

    public string? Owner { get; }

    /// <summary>Completes when the run and its tracked tasks have ended and its last event is in the log. Never faults.</summary>
    public Task Ended { get; private set; } = Task.CompletedTask;

    /// <summary>Whether <see cref="Ended"/> has completed.</summary>
    public bool IsEnded => _log.IsCompleted;

    /// <summary>Keeps the registry's retention timer alive as long as the run is held.</summary>
    public ITimer? RetentionTimer { get; set; }

    /// <summary>Starts pumping events and the detached-run clock (nobody reads the run yet).</summary>
    public void Start(RunEventSerializer serializer)
    {
        lock (_gate)
        {
            ArmDetachTimer();
        }

        Ended = Task.Run(() => PumpAsync(serializer));
    }

    /// <summary>Requests an immediate cancel without waiting (shutdown).</summary>
    public void RequestCancel() => _handle.Cancel(CancelMode.Immediate);

    public ValueTask<RegisteredRunState> GetStateAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(Snapshot());

    public async IAsyncEnumerable<RunEventFrame> ReadEventsAsync(long afterEventId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        Attach();
        try
        {
            await foreach (var frame in _log.ReadAsync(afterEventId, cancellationToken).ConfigureAwait(false))
            {
                yield return frame;
            }
        }
        finally
        {
            Detach();
        }
    }

    public async ValueTask<RegisteredRunState> CancelAsync(CancelMode mode, CancellationToken cancellationToken = default)
    {
        if (mode == CancelMode.Immediate)
        {
            await _handle.CancelAsync(mode).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        else
        {
            _handle.Cancel(mode);
        }

        return Snapshot();
    }

    public ValueTask<RegisteredRunState> PauseAsync(CancellationToken cancellationToken = default)
    {
        _handle.Pause();
        return ValueTask.FromResult(Snapshot());
    }

    public ValueTask<RegisteredRunState> ResumeAsync(CancellationToken cancellationToken = default)
    {
        _handle.Resume();
        return ValueTask.FromResult(Snapshot());
    }

    public ValueTask<bool> CancelTaskAsync(long taskId, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(_handle.CancelTask(taskId));

    private RegisteredRunState Snapshot()
    {
        var status = _pumpFailed ? RegisteredRunStatus.Faulted : (RegisteredRunStatus)(int)_handle.Status;
        var tasks = _handle.TrackedTasks;
        var taskStates = new RegisteredTaskState[tasks.Count];
        for (var i = 0; i < tasks.Count; i++)
        {
            taskStates[i] = new RegisteredTaskState(tasks[i].Id, tasks[i].Name, tasks[i].Status);
        }

        return new RegisteredRunState(Id, status, _handle.CurrentTurn, _handle.IsPaused, taskStates, _log.LastEventId);
    }

    private async Task PumpAsync(RunEventSerializer serializer)
    {
        try
        {
            await _handle.PumpAsync(_log, serializer).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // The pump reports every failure as the run's status; nothing may escape it.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            if (_handle.Status != RunStatus.Faulted)
            {
                _pumpFailed = true;
                _logger.RunPumpFailed(exception, Id);
            }
        }
        finally
        {
            lock (_gate)
            {
                _detachTimer?.Dispose();
                _detachTimer = null;
            }

            _log.Complete();
            if (_logger.IsEnabled(LogLevel.Information))
            {
                _logger.RunEnded(Id, Snapshot().Status, _log.LastEventId);
            }
        }
    }

    private void Attach()
    {
        lock (_gate)
        {
            _readers++;
            _detachTimer?.Dispose();
            _detachTimer = null;
        }
    }

    private void Detach()
    {
        lock (_gate)
        {
            _readers--;
            if (_readers == 0)
            {
                ArmDetachTimer();
            }
        }
    }

    private void ArmDetachTimer()
    {
        if (_detachedRunTimeout == Timeout.InfiniteTimeSpan || _log.IsCompleted)
        {
            return;
        }

        _detachTimer?.Dispose();
        var arming = new DetachArming(this, ++_detachArming);
        _detachTimer = _timeProvider.CreateTimer(static state => ((DetachArming)state!).Fire(), arming, _detachedRunTimeout, Timeout.InfiniteTimeSpan);
    }

    private void OnDetachedTimeout(int arming)
    {
        lock (_gate)
        {
            // A timer disposed (a reader came) or replaced while its callback was already on its way does nothing.
            if (arming != _detachArming || _readers > 0 || _detachTimer is null || _log.IsCompleted)
            {
                return;
            }

            _detachTimer.Dispose();
            _detachTimer = null;
        }

        _logger.RunDetachedTimeout(Id, _detachedRunTimeout);
        _handle.Cancel(CancelMode.Immediate);
    }

    /// <summary>One arming of the detached-run timer: only the latest one may cancel.</summary>
    private sealed record DetachArming(LocalRun Run, int Number)
    {
        public void Fire() => Run.OnDetachedTimeout(Number);
    }
}
