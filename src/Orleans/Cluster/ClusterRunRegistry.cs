using System.Collections.Concurrent;
using CancelGen.Grains;
using CancelGen.Local;
using CancelGen.Logging;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Runtime.Placement;
using Orleans.Runtime;

namespace CancelGen.Cluster;

/// <summary>
/// The <see cref="IRunRegistry"/> of <c>UseOrleans()</c>: a run is added to this instance's in-memory registry (its
/// one consumer and event log, as without a cluster) and recorded in its run grain, activated here; any instance
/// finds it through that grain. <see cref="Add{TEvent}"/> does not wait for the grain; lookups on this instance do.
/// </summary>
internal sealed class ClusterRunRegistry(
    LocalRunRegistry local,
    IGrainFactory grains,
    ILocalSiloDetails silo,
    GrainCalls calls,
    TimeProvider timeProvider,
    ILogger<ClusterRunRegistry> logger) : IRunRegistry
{
    private const int AttachAttempts = 20;

    private readonly ConcurrentDictionary<string, Task<bool>> _attaching = new(StringComparer.Ordinal);

    public string Add<TEvent>(RunResultStreaming<TEvent> run, HttpContext context) => Start(run, context).Id;

    public async ValueTask<string> AddAsync<TEvent>(RunResultStreaming<TEvent> run, HttpContext context, CancellationToken cancellationToken = default)
    {
        var (id, attaching) = Start(run, context);
        if (!await attaching.WaitAsync(cancellationToken).ConfigureAwait(false))
        {
            throw new InvalidOperationException($"Run {id} could not be recorded in the cluster; the run is cancelled.");
        }

        return id;
    }

    /// <summary>
    /// Adds the run here and starts recording it in its grain. Not waited for by <see cref="Add{TEvent}"/> (a request
    /// thread blocked on a grain call starves the thread pool under load): lookups on this instance wait for it, and
    /// <see cref="AddAsync{TEvent}"/> answers after it, so that no other instance can be asked about the id first.
    /// </summary>
    private (string Id, Task<bool> Attaching) Start<TEvent>(RunResultStreaming<TEvent> run, HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(context);
        var id = local.Add(run, context);
        var attaching = AttachAsync(id, run);
        _attaching[id] = attaching;
        _ = attaching.ContinueWith(static (_, state) => ((Attaching)state!).Done(), new Attaching(this, id), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return (id, attaching);
    }

    public async ValueTask<IRegisteredRun?> FindAsync(string id, CancellationToken cancellationToken = default)
    {
        if (id is null)
        {
            return null;
        }

        if (_attaching.TryGetValue(id, out var attaching))
        {
            await attaching.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        var grain = grains.GetGrain<IRunGrain>(id);
        var info = await calls.CallAsync(id, grain.FindAsync, cancellationToken).ConfigureAwait(false);
        return info is null ? null : new ClusterRun(id, info.Owner, grain, calls, logger);
    }

    /// <summary>
    /// Records the run in its grain, activated on this instance. A lookup from another instance that got there first
    /// activates the grain there, which refuses and deactivates; then this asks again. A run that cannot be recorded
    /// is cancelled: it never runs without its grain.
    /// </summary>
    private async Task<bool> AttachAsync<TEvent>(string id, RunResultStreaming<TEvent> run)
    {
        try
        {
            for (var attempt = 1; attempt <= AttachAttempts; attempt++)
            {
                if (await AttachOnceAsync(id).ConfigureAwait(false))
                {
                    ClusterLog.RunAttached(logger, id, silo.SiloAddress);
                    return true;
                }

                await Task.Delay(GrainCalls.RetryDelay, timeProvider).ConfigureAwait(false);
            }

            ClusterLog.RunNotAttached(logger, null, id);
        }
#pragma warning disable CA1031 // Whatever failed, the run must not go on unrecorded; the failure is logged.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            ClusterLog.RunNotAttached(logger, exception, id);
        }

        run.Cancel();
        return false;
    }

    private Task<bool> AttachOnceAsync(string id)
    {
        // Place the grain here whatever the local silo's status says (PreferLocalPlacement alone falls back to
        // random placement while this silo is not yet active).
        RequestContext.Set(IPlacementDirector.PlacementHintKey, silo.SiloAddress);
        try
        {
            return grains.GetGrain<IRunGrain>(id).AttachAsync();
        }
        finally
        {
            RequestContext.Remove(IPlacementDirector.PlacementHintKey);
        }
    }

    /// <summary>Forgets a finished attach.</summary>
    private sealed record Attaching(ClusterRunRegistry Registry, string Id)
    {
        public void Done() => Registry._attaching.TryRemove(Id, out _);
    }
}
