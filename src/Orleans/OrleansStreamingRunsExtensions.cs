using CancelGen.Cluster;
using CancelGen.Local;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace CancelGen;

/// <summary>Makes the runs of <c>AddStreamingRuns</c> addressable across a Microsoft Orleans cluster.</summary>
public static class OrleansStreamingRunsExtensions
{
    /// <summary>
    /// The name of the grain storage provider the run grains persist their small state in. Register one under this
    /// name on every silo: <c>siloBuilder.AddMemoryGrainStorage(OrleansStreamingRunsExtensions.StorageName)</c> for a
    /// single process or tests; in production a store every instance shares and that outlives any instance (Azure
    /// Table/Blob, ADO.NET, Redis, Cosmos DB...), with ETag checks (all Orleans providers have them).
    /// </summary>
    public const string StorageName = "CancelGenRuns";

    /// <summary>
    /// Replaces the in-memory <see cref="IRunRegistry"/> by one that works across the Orleans cluster this app hosts a
    /// silo of (<c>builder.UseOrleans(...)</c>): a run added on instance A is found, read (with <c>Last-Event-ID</c>),
    /// paused, resumed and cancelled (whole, after the turn, or one task) through any instance B, with the same
    /// answers as on A, by the same endpoints (<c>MapStreamingRuns</c>). Each run has one grain, placed on the instance
    /// that runs it; control calls return after that instance acted. When an instance dies, its runs answer
    /// <c>lost</c> everywhere and their event streams end; a graceful stop cancels its runs and records <c>cancelled</c>.
    /// </summary>
    /// <remarks>
    /// Register grain storage named <see cref="StorageName"/>. <see cref="StreamingRunsOptions.MaxRunsPerOwner"/> is
    /// counted per instance. Events cross instances as JSON text with their type name, so the event type needs no
    /// Orleans serializer.
    /// </remarks>
    /// <param name="builder">What <c>AddStreamingRuns</c> returned.</param>
    /// <returns>The same builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    public static StreamingRunsBuilder UseOrleans(this StreamingRunsBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;

        // The instance-local registry stays: it is the run's consumer and log on the owner instance, under the grain.
        services.RemoveAll<IRunRegistry>();
        services.AddSingleton<IRunRegistry, ClusterRunRegistry>();
        services.TryAddSingleton<OwnedRuns>();
        services.TryAddSingleton<GrainCalls>();

        // The local registry's own shutdown hook would cancel (and so record as cancelled) even on a hard kill; the
        // cluster's hook tells a graceful stop from a kill.
        for (var i = services.Count - 1; i >= 0; i--)
        {
            if (services[i].ServiceType == typeof(IHostedService) && services[i].ImplementationType == typeof(RunShutdownService))
            {
                services.RemoveAt(i);
            }
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, ClusterShutdownService>());
        return builder;
    }
}
