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
/// finds it through that grain.
/// </summary>
internal sealed class ClusterRunRegistry(
    LocalRunRegistry local,
    IGrainFactory grains,
    ILocalSiloDetails silo,
    GrainCalls calls,
    ILogger<ClusterRunRegistry> logger) : IRunRegistry
{
    public string Add<TEvent>(RunResultStreaming<TEvent> run, HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(context);
        if (TaskScheduler.Current != TaskScheduler.Default)
        {
            throw new InvalidOperationException(
                "IRunRegistry.Add under UseOrleans() waits for the run's grain to be activated on this instance; call it from request code, not from grain code or another task scheduler.");
        }

        var id = local.Add(run, context);
        bool attached;
        try
        {
            attached = AttachAsync(id).GetAwaiter().GetResult();
        }
        catch (Exception exception)
        {
            run.Cancel();
            throw new InvalidOperationException($"Run {id} could not be recorded in the cluster (its grain did not answer); the run is cancelled.", exception);
        }

        if (!attached)
        {
            run.Cancel();
            throw new InvalidOperationException($"Run {id}'s grain was activated on another instance than the one running it; the run is cancelled so that it never runs without its grain.");
        }

        ClusterLog.RunAttached(logger, id, silo.SiloAddress);
        return id;
    }

    public async ValueTask<IRegisteredRun?> FindAsync(string id, CancellationToken cancellationToken = default)
    {
        if (id is null)
        {
            return null;
        }

        var grain = grains.GetGrain<IRunGrain>(id);
        var info = await calls.CallAsync(id, grain.FindAsync, cancellationToken).ConfigureAwait(false);
        return info is null ? null : new ClusterRun(id, info.Owner, grain, calls, logger);
    }

    private Task<bool> AttachAsync(string id)
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
}
