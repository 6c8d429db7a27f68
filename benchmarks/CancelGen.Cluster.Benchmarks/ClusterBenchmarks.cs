using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using CancelGen;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;
using Orleans.TestingHost;

/// <summary>
/// Runs across a cluster (<c>UseOrleans()</c>) vs the same on one instance: two in-process silos, A owns every run.
/// "Stop" = start a run on A, look it up and cancel it immediately (what <c>POST /runs/{id}/cancel</c> does), through
/// A (baseline) or through B. "Read" = read a run of <see cref="Events"/> events to its end through A (baseline) or B.
/// The plain in-memory registry (no Orleans) is measured beside them for reference.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class ClusterBenchmarks
{
    /// <summary>Events per read.</summary>
    public const int Events = 1000;

    private InProcessTestCluster _cluster = null!;
    private IRunRegistry _a = null!;
    private IRunRegistry _b = null!;
    private IRunRegistry _plain = null!;
    private ServiceProvider _plainServices = null!;
    private readonly HttpContext _context = new DefaultHttpContext();

    [GlobalSetup]
    public void Setup()
    {
        var builder = new InProcessTestClusterBuilder(2);
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureSiloHost((_, host) => host.Services.AddStreamingRuns(options => options.MaxRunsPerOwner = null).UseOrleans());
        builder.ConfigureSilo((_, silo) => silo.AddMemoryGrainStorage(OrleansStreamingRunsExtensions.StorageName));
        _cluster = builder.Build();
        _cluster.DeployAsync().GetAwaiter().GetResult();
        _a = _cluster.Silos[0].ServiceProvider.GetRequiredService<IRunRegistry>();
        _b = _cluster.Silos[1].ServiceProvider.GetRequiredService<IRunRegistry>();
        _plainServices = new ServiceCollection().AddLogging().AddStreamingRuns(options => options.MaxRunsPerOwner = null).Services.BuildServiceProvider();
        _plain = _plainServices.GetRequiredService<IRunRegistry>();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _cluster.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _plainServices.Dispose();
    }

    [Benchmark(Baseline = true), BenchmarkCategory("Stop")]
    public Task<RegisteredRunState> Stop_through_the_owner_instance() => StopAsync(_a, _a);

    [Benchmark, BenchmarkCategory("Stop")]
    public Task<RegisteredRunState> Stop_through_another_instance() => StopAsync(_a, _b);

    [Benchmark, BenchmarkCategory("Stop")]
    public Task<RegisteredRunState> Stop_without_a_cluster() => StopAsync(_plain, _plain);

    [Benchmark(Baseline = true), BenchmarkCategory("Read")]
    public Task<long> Read_through_the_owner_instance() => ReadAsync(_a, _a);

    [Benchmark, BenchmarkCategory("Read")]
    public Task<long> Read_through_another_instance() => ReadAsync(_a, _b);

    [Benchmark, BenchmarkCategory("Read")]
    public Task<long> Read_without_a_cluster() => ReadAsync(_plain, _plain);

    private async Task<RegisteredRunState> StopAsync(IRunRegistry owner, IRunRegistry through)
    {
        var run = RunResultStreaming.Start<object>(static async (_, cancellationToken) => await Task.Delay(Timeout.Infinite, cancellationToken));
        var id = owner.Add(run, _context);
        await owner.FindAsync(id); // recorded (a client's next request comes a round trip later)
        var found = await through.FindAsync(id) ?? throw new InvalidOperationException("Run not found.");
        return await found.CancelAsync(CancelMode.Immediate);
    }

    private async Task<long> ReadAsync(IRunRegistry owner, IRunRegistry through)
    {
        var run = RunResultStreaming.Start<object>(static async (context, _) =>
        {
            for (var i = 0; i < Events; i++)
            {
                await context.EmitAsync(new Delta(i));
            }
        });
        var id = owner.Add(run, _context);
        await owner.FindAsync(id);
        var found = await through.FindAsync(id) ?? throw new InvalidOperationException("Run not found.");
        long last = 0;
        await foreach (var frame in found.ReadEventsAsync(0))
        {
            last = frame.Id;
        }

        return last == Events ? last : throw new InvalidOperationException($"Read {last} of {Events} events.");
    }

    /// <summary>A small event.</summary>
    public sealed record Delta(int N);
}
