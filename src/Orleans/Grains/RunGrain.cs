using System.Runtime.CompilerServices;
using CancelGen.Cluster;
using CancelGen.Local;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Concurrency;
using Orleans.Placement;
using Orleans.Runtime;
using ClusterLog = CancelGen.Logging.ClusterLog;

namespace CancelGen.Grains;

/// <summary>
/// The run grain: activated on the instance that started the run (<see cref="PreferLocalPlacementAttribute"/>, and the
/// registry's placement hint) and kept there (<see cref="ImmovableAttribute"/>). It wraps that instance's local registry
/// entry, which is the run's one consumer and keeps the numbered event log, and persists a small
/// <see cref="RunRecord"/> at each transition. An activation that finds the record <c>running</c> but no local entry
/// is on another instance than the owner, after the owner went away: it records and answers <c>lost</c>.
/// </summary>
/// <remarks>
/// Reentrant so that a long immediate cancel or a shutdown never blocks status calls; all grain state is touched
/// on the grain's scheduler only (no <c>ConfigureAwait(false)</c> here), and writes are chained so that two
/// interleaved transitions never write with the same ETag.
/// </remarks>
[PreferLocalPlacement]
[Immovable]
[Reentrant]
internal sealed class RunGrain : Grain, IRunGrain
{
    private readonly IPersistentState<RunRecord> _record;
    private readonly LocalRunRegistry _local;
    private readonly OwnedRuns _owned;
    private readonly ILocalSiloDetails _silo;
    private readonly TimeProvider _timeProvider;
    private readonly StreamingRunsOptions _options;
    private readonly ILogger<RunGrain> _logger;
    private LocalRun? _run;
    private Task _writing = Task.CompletedTask;
    private bool _dirty;
    private bool _deactivated;

    public RunGrain(
        [PersistentState("run", OrleansStreamingRunsExtensions.StorageName)] IPersistentState<RunRecord> record,
        LocalRunRegistry local,
        OwnedRuns owned,
        ILocalSiloDetails silo,
        TimeProvider timeProvider,
        IOptions<StreamingRunsOptions> options,
        ILogger<RunGrain> logger)
    {
        _record = record;
        _local = local;
        _owned = owned;
        _silo = silo;
        _timeProvider = timeProvider;
        _options = options.Value;
        _logger = logger;
    }

    private string Id => this.GetPrimaryKeyString();

    private RunRecord Record => _record.State;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (!Record.Registered)
        {
            return;
        }

        if (Record.EndedAt is { } endedAt && _timeProvider.GetUtcNow() - endedAt >= _options.EndedRunRetention)
        {
            await ForgetAsync();
            return;
        }

        if ((RegisteredRunStatus)Record.Status != RegisteredRunStatus.Running)
        {
            return;
        }

        if (await _local.FindAsync(Id, cancellationToken) is LocalRun run)
        {
            // The owner instance re-activated the grain of a run it still holds: wrap it again.
            Hold(run);
            return;
        }

        // Recorded running, yet no instance-local entry here: the activation that held it went away with its instance.
        Record.Status = (int)RegisteredRunStatus.Lost;
        Record.IsPaused = false;
        Record.EndedAt = _timeProvider.GetUtcNow();
        ClusterLog.RunLost(_logger, Id, Record.OwnerSilo, _silo.SiloAddress);
        await PersistAsync();
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_run is { IsEnded: false } run)
        {
            // Nobody could reach the run through this grain any more: stop it. A deactivation whose time is already up
            // is a process going down hard: like a crash, it records nothing (other instances will answer lost).
            run.RequestCancel();
            if (!cancellationToken.IsCancellationRequested)
            {
                try
                {
                    await run.Ended.WaitAsync(cancellationToken);
                    await PersistAsync();
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    ClusterLog.RunShutdownTimedOut(_logger, Id);
                }
            }
        }

        _deactivated = true;
        _owned.Remove(Id);
    }

    public async Task<bool> AttachAsync()
    {
        if (Record.Registered || _run is not null)
        {
            return false;
        }

        if (await _local.FindAsync(Id) is not LocalRun run)
        {
            // Activated elsewhere than on the instance that added the run: refuse, the caller cancels the run.
            DeactivateOnIdle();
            return false;
        }

        Record.Registered = true;
        Record.Owner = run.Owner;
        Record.OwnerSilo = _silo.SiloAddress.ToString();
        Record.Status = (int)RegisteredRunStatus.Running;
        Hold(run);
        await PersistAsync();
        return true;
    }

    public Task<RunInfo?> FindAsync()
    {
        if (!Record.Registered)
        {
            DeactivateOnIdle();
            return Task.FromResult<RunInfo?>(null);
        }

        return Task.FromResult<RunInfo?>(new RunInfo(Record.Owner));
    }

    public Task<RunStateMessage> GetStateAsync() => Task.FromResult(Snapshot());

    public IAsyncEnumerable<RunEventMessage> ReadEventsAsync(long afterEventId) => ReadEventsCoreAsync(afterEventId);

    public async Task<RunStateMessage> CancelAsync(CancelMode mode)
    {
        if (_run is { IsEnded: false } run)
        {
            await run.CancelAsync(mode);
            if (mode == CancelMode.Immediate)
            {
                await run.Ended;
                _owned.Remove(Id);
            }
            else
            {
                Record.CancelRequested = true;
            }

            await PersistAsync();
        }

        return Snapshot();
    }

    public async Task<RunStateMessage> PauseAsync()
    {
        if (_run is { IsEnded: false } run)
        {
            await run.PauseAsync();
            await PersistAsync();
        }

        return Snapshot();
    }

    public async Task<RunStateMessage> ResumeAsync()
    {
        if (_run is { IsEnded: false } run)
        {
            await run.ResumeAsync();
            await PersistAsync();
        }

        return Snapshot();
    }

    public async Task<bool> CancelTaskAsync(long taskId)
    {
        if (_run is not { IsEnded: false } run || !await run.CancelTaskAsync(taskId))
        {
            return false;
        }

        await PersistAsync();
        return true;
    }

    public async Task ShutDownAsync()
    {
        if (_run is { IsEnded: false } run)
        {
            await run.CancelAsync(CancelMode.Immediate);
            await run.Ended;
            _owned.Remove(Id);
            await PersistAsync();
        }
    }

    private async IAsyncEnumerable<RunEventMessage> ReadEventsCoreAsync(long afterEventId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (_run is { } run)
        {
            await foreach (var frame in run.ReadEventsAsync(afterEventId, cancellationToken))
            {
                yield return RunEventMessage.From(frame);
            }
        }

        // Without the run here (lost, or ended on an instance that went away) there is nothing more to read.
        yield return RunEventMessage.End;
    }

    private void Hold(LocalRun run)
    {
        _run = run;
        if (run.IsEnded)
        {
            _ = FinishAsync(run);
            return;
        }

        // A live run's grain must stay where the run is: never collected while the run goes on.
        DelayDeactivation(TimeSpan.MaxValue);
        _owned.Add(Id, this.AsReference<IRunGrain>());
        _ = FinishAsync(run);
    }

    /// <summary>Records the run's end, then forgets it after the retention time (on the grain's scheduler).</summary>
    private async Task FinishAsync(LocalRun run)
    {
        await run.Ended;
        _owned.Remove(Id);
        if (_deactivated)
        {
            return;
        }

        try
        {
            await PersistAsync();
            await Task.Delay(_options.EndedRunRetention, _timeProvider);
            if (!_deactivated)
            {
                await ForgetAsync();
                DeactivateOnIdle();
            }
        }
#pragma warning disable CA1031 // A background bookkeeping task: a storage failure is logged, the next call sees the record as it is.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            ClusterLog.RunRecordFailed(_logger, exception, Id);
        }
    }

    private async Task ForgetAsync()
    {
        await _writing;
        await _record.ClearStateAsync();
        _record.State = new RunRecord();
    }

    private RunStateMessage Snapshot()
    {
        if (_run is { } run)
        {
            return RunStateMessage.From(StateOf(run));
        }

        return new RunStateMessage(Id, Record.Status, Record.Turn, Record.IsPaused, [], Record.LastEventId);
    }

    /// <summary>The local run's state (its snapshot is synchronous).</summary>
    private static RegisteredRunState StateOf(LocalRun run)
    {
        var state = run.GetStateAsync();
        return state.IsCompletedSuccessfully ? state.Result : state.AsTask().GetAwaiter().GetResult();
    }

    /// <summary>Writes the record as the run is now; interleaved callers share one chain of writes.</summary>
    private Task PersistAsync()
    {
        if (_deactivated)
        {
            return Task.CompletedTask;
        }

        _dirty = true;
        if (_writing.IsCompleted)
        {
            _writing = WriteLoopAsync();
        }

        return _writing;
    }

    private async Task WriteLoopAsync()
    {
        while (_dirty && !_deactivated)
        {
            _dirty = false;
            if (_run is { } run)
            {
                var state = StateOf(run);
                Record.Status = (int)state.Status;
                Record.Turn = state.Turn;
                Record.IsPaused = state.IsPaused;
                Record.LastEventId = state.LastEventId;
                if (state.Status != RegisteredRunStatus.Running && Record.EndedAt is null)
                {
                    Record.EndedAt = _timeProvider.GetUtcNow();
                }
            }

            await _record.WriteStateAsync();
        }
    }
}
