using System.Runtime.CompilerServices;
using System.Threading.Channels;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Microsoft.Agents.AI.Workflows;

namespace CancelGen.Benchmarks.Runtime;

/// <summary>
/// Cost per event of reading a run, in three groups, each against its own baseline in the same run: the iterator form
/// against a raw <c>await foreach</c> over the same iterator; the emitter form against the pump people hand-write
/// (Channel + Task.Run + CancellationTokenSource); both forms against the Agent Framework's <c>StreamingRun</c> (one
/// executor emitting N events, read with <c>WatchStreamAsync</c>). Allocations per event in steady state are the
/// difference between the 100,000- and the 1,000-event rows, divided by 99,000.
/// </summary>
[MemoryDiagnoser]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory, BenchmarkLogicalGroupRule.ByParams)]
public class EventStreamingBenchmarks
{
    private const string IteratorVsRaw = "iterator vs raw";
    private const string EmitterVsPump = "emitter vs pump";
    private const string VsAgentFramework = "vs Agent Framework";

    private Workflow _workflow = null!;

    [Params(1_000, 100_000)]
    public int Events { get; set; }

    [GlobalSetup]
    public void Setup() => _workflow = AgentFrameworkPeer.EmitN();

    // ---- the iterator form against a raw await foreach ----------------------------------------

    [Benchmark(Baseline = true)]
    [BenchmarkCategory(IteratorVsRaw)]
    public async Task<long> RawIterator()
    {
        long sum = 0;
        await foreach (var e in Numbers(Events, CancellationToken.None))
        {
            sum += e;
        }

        return sum;
    }

    [Benchmark]
    [BenchmarkCategory(IteratorVsRaw)]
    public Task<long> RunIteratorForm() => ReadIteratorRun(null);

    [Benchmark]
    [BenchmarkCategory(IteratorVsRaw)]
    public Task<long> RunIteratorFormBounded() => ReadIteratorRun(new RunOptions { BufferCapacity = 64 });

    // ---- the emitter form against the hand-written pump ---------------------------------------

    [Benchmark(Baseline = true)]
    [BenchmarkCategory(EmitterVsPump)]
    public async Task<long> HandWrittenChannelPump()
    {
        using var cts = new CancellationTokenSource();
        var channel = Channel.CreateUnbounded<int>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var count = Events;
        var pump = Task.Run(async () =>
        {
            try
            {
                for (var i = 0; i < count; i++)
                {
                    await channel.Writer.WriteAsync(i, cts.Token);
                }

                channel.Writer.TryComplete();
            }
            catch (Exception ex)
            {
                channel.Writer.TryComplete(ex);
            }
        });

        long sum = 0;
        await foreach (var e in channel.Reader.ReadAllAsync())
        {
            sum += e;
        }

        await pump;
        return sum;
    }

    [Benchmark]
    [BenchmarkCategory(EmitterVsPump)]
    public Task<long> RunEmitterForm() => ReadEmitterRun();

    // ---- both forms against the Agent Framework -----------------------------------------------

    [Benchmark(Baseline = true)]
    [BenchmarkCategory(VsAgentFramework)]
    public Task<long> AgentFrameworkStreamingRun() => AgentFrameworkPeer.SumTicksAsync(_workflow, Events);

    [Benchmark]
    [BenchmarkCategory(VsAgentFramework)]
    public Task<long> IteratorFormVsAgentFramework() => ReadIteratorRun(null);

    [Benchmark]
    [BenchmarkCategory(VsAgentFramework)]
    public Task<long> EmitterFormVsAgentFramework() => ReadEmitterRun();

    // ---- the runs -----------------------------------------------------------------------------

    private async Task<long> ReadIteratorRun(RunOptions? options)
    {
        var count = Events;
        await using var run = RunResultStreaming.Start<int>((ctx, ct) => Numbers(count, ct), options);
        long sum = 0;
        await foreach (var e in run.StreamEvents())
        {
            sum += e;
        }

        return sum;
    }

    private async Task<long> ReadEmitterRun()
    {
        var count = Events;
        await using var run = RunResultStreaming.Start<int>(async (ctx, ct) =>
        {
            for (var i = 0; i < count; i++)
            {
                await ctx.EmitAsync(i);
            }
        });
        long sum = 0;
        await foreach (var e in run.StreamEvents())
        {
            sum += e;
        }

        return sum;
    }

    private static async IAsyncEnumerable<int> Numbers(int count, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var i = 0; i < count; i++)
        {
            yield return i;
        }

        await Task.CompletedTask;
    }
}
