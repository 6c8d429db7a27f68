using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using CancelGen.Internal;
using CancelGen.Logging;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CancelGen.Local;

/// <summary>The in-memory <see cref="IRunRegistry"/>: the runs of this process, dropped a retention time after they end.</summary>
internal sealed class LocalRunRegistry : IRunRegistry
{
    private readonly ConcurrentDictionary<string, LocalRun> _runs = new(StringComparer.Ordinal);
    private readonly ConditionalWeakTable<object, string> _added = [];
    private readonly Dictionary<string, int> _liveByOwner = new(StringComparer.Ordinal);
    private readonly Lock _ownersGate = new();
    private readonly StreamingRunsOptions _options;
    private readonly RunEventSerializer _serializer;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;

    public LocalRunRegistry(
        IOptions<StreamingRunsOptions> options,
        IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> jsonOptions,
        TimeProvider timeProvider,
        ILogger<LocalRunRegistry> logger)
    {
        _options = options.Value;
        _serializer = new RunEventSerializer(_options.SerializerOptions ?? jsonOptions.Value.SerializerOptions);
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <summary>How many runs are held (live, or ended within their retention time).</summary>
    public int Count => _runs.Count;

    public string Add<TEvent>(RunResultStreaming<TEvent> run, HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(context);
        var owner = RunOwners.Of(context.User);
        if (_added.TryGetValue(run, out var existing))
        {
            throw new InvalidOperationException($"This run is already registered as run {existing}; a run has one consumer, so it can be added once.");
        }

        ReserveOwnerSlot(run, owner);
        var id = RunIds.New();
        if (!_added.TryAdd(run, id))
        {
            ReleaseOwnerSlot(owner);
            throw new InvalidOperationException("This run is already registered; a run has one consumer, so it can be added once.");
        }

        var entry = new LocalRun(id, owner, new RunHandle<TEvent>(run), _options.EventLogCapacity, _options.DetachedRunTimeout, _timeProvider, _logger);
        _runs[id] = entry;
        entry.Start(_serializer);
        _ = entry.Ended.ContinueWith(static (_, state) => ((RunEnding)state!).Apply(), new RunEnding(this, entry), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        _logger.RunAdded(id, owner ?? "(anonymous)", typeof(TEvent).Name);
        return id;
    }

    public ValueTask<IRegisteredRun?> FindAsync(string id, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult<IRegisteredRun?>(id is not null && _runs.TryGetValue(id, out var run) ? run : null);

    /// <summary>Requests an immediate cancel of every live run, without waiting.</summary>
    /// <returns>The runs that were live.</returns>
    public IReadOnlyList<LocalRun> RequestCancelAll()
    {
        var live = _runs.Values.Where(run => !run.IsEnded).ToList();
        if (live.Count > 0)
        {
            _logger.ShutdownCancelling(live.Count);
        }

        foreach (var run in live)
        {
            run.RequestCancel();
        }

        return live;
    }

    /// <summary>Cancels every live run and waits until they have all ended, or until <paramref name="cancellationToken"/>.</summary>
    public async Task CancelAllAsync(CancellationToken cancellationToken)
    {
        var live = RequestCancelAll();
        try
        {
            await Task.WhenAll(live.Select(run => run.Ended)).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            _logger.ShutdownTimedOut(live.Count(run => !run.IsEnded));
        }
    }

    private void ReserveOwnerSlot<TEvent>(RunResultStreaming<TEvent> run, string? owner)
    {
        if (owner is null)
        {
            return;
        }

        lock (_ownersGate)
        {
            var live = _liveByOwner.GetValueOrDefault(owner);
            if (_options.MaxRunsPerOwner is not { } limit || live < limit)
            {
                _liveByOwner[owner] = live + 1;
                return;
            }
        }

        var max = _options.MaxRunsPerOwner!.Value;
        _logger.RunRefused(owner, max);
        run.Cancel();
        throw new TooManyRunsException(owner, max);
    }

    private void ReleaseOwnerSlot(string? owner)
    {
        if (owner is null)
        {
            return;
        }

        lock (_ownersGate)
        {
            var live = _liveByOwner.GetValueOrDefault(owner) - 1;
            if (live <= 0)
            {
                _liveByOwner.Remove(owner);
            }
            else
            {
                _liveByOwner[owner] = live;
            }
        }
    }

    private void OnEnded(LocalRun run)
    {
        ReleaseOwnerSlot(run.Owner);
        var retention = _options.EndedRunRetention;
        if (retention == TimeSpan.Zero)
        {
            _logger.RunRetained(run.Id, retention);
            Drop(run);
            return;
        }

        run.RetentionTimer = _timeProvider.CreateTimer(static state => ((RunEnding)state!).Drop(), new RunEnding(this, run), retention, Timeout.InfiniteTimeSpan);
        _logger.RunRetained(run.Id, retention);
    }

    private void Drop(LocalRun run)
    {
        run.RetentionTimer?.Dispose();
        if (_runs.TryRemove(new KeyValuePair<string, LocalRun>(run.Id, run)))
        {
            _logger.RunDropped(run.Id);
        }
    }

    /// <summary>The registry's bookkeeping when one run ends, and when its retention time is over.</summary>
    private sealed record RunEnding(LocalRunRegistry Registry, LocalRun Run)
    {
        public void Apply() => Registry.OnEnded(Run);

        public void Drop() => Registry.Drop(Run);
    }
}
