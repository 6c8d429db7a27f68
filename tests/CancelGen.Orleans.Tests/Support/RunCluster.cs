using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Runtime.Hosting;
using Orleans.Storage;
using Orleans.TestingHost;

namespace CancelGen.Orleans.Tests.Support;

/// <summary>
/// Three in-process silos (no sockets), each with the endpoints beside it: instances A, B and C. Run state is kept
/// in a store all silos share (<see cref="SharedMemoryGrainStorage"/>). Failure detection is tuned fast, so that a
/// killed silo is declared dead within seconds.
/// </summary>
public sealed class RunCluster : IAsyncDisposable
{
    private readonly InProcessTestCluster _cluster;

    private RunCluster(InProcessTestCluster cluster, SharedMemoryGrainStorage storage, IReadOnlyList<ClusterInstance> instances)
    {
        _cluster = cluster;
        Storage = storage;
        Instances = instances;
    }

    /// <summary>The store the run grains persist their records in.</summary>
    public SharedMemoryGrainStorage Storage { get; }

    /// <summary>The instances.</summary>
    public IReadOnlyList<ClusterInstance> Instances { get; }

    /// <summary>Instance A (the primary silo).</summary>
    public ClusterInstance A => Instances[0];

    /// <summary>Instance B.</summary>
    public ClusterInstance B => Instances[1];

    /// <summary>Instance C.</summary>
    public ClusterInstance C => Instances[2];

    /// <summary>Starts three instances.</summary>
    public static async Task<RunCluster> StartAsync(Action<StreamingRunsOptions>? configure = null)
    {
        var storage = new SharedMemoryGrainStorage();
        var builder = new InProcessTestClusterBuilder(3);
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureSiloHost((_, host) =>
        {
            host.Services.AddStreamingRuns(options =>
            {
                options.DetachedRunTimeout = Timeout.InfiniteTimeSpan;
                options.MaxRunsPerOwner = null;
                configure?.Invoke(options);
            }).UseOrleans();
        });
        builder.ConfigureSilo((_, silo) =>
        {
            silo.Services.AddGrainStorage(OrleansStreamingRunsExtensions.StorageName, (_, _) => (IGrainStorage)storage);
            silo.Configure<ClusterMembershipOptions>(options =>
            {
                options.ProbeTimeout = TimeSpan.FromSeconds(1);
                options.NumMissedProbesLimit = 1;
                options.NumVotesForDeathDeclaration = 1;
            });
        });
        var cluster = builder.Build();
        await cluster.DeployAsync();
        var instances = new List<ClusterInstance>();
        var names = new[] { "A", "B", "C" };
        for (var i = 0; i < cluster.Silos.Count; i++)
        {
            instances.Add(await ClusterInstance.StartAsync(names[i], cluster.Silos[i]));
        }

        return new RunCluster(cluster, storage, instances);
    }

    /// <summary>Kills an instance's silo at once (no graceful stop), as a crash would.</summary>
    public Task KillAsync(ClusterInstance instance) => _cluster.KillSiloAsync(instance.Silo);

    /// <summary>Stops an instance's silo gracefully.</summary>
    public Task StopAsync(ClusterInstance instance) => _cluster.StopSiloAsync(instance.Silo);

    public async ValueTask DisposeAsync()
    {
        foreach (var instance in Instances)
        {
            await instance.DisposeAsync();
        }

        await _cluster.DisposeAsync();
    }
}
