using System.Threading.Channels;
using BenchmarkDotNet.Attributes;
using CancelGen;

namespace CancelGen.Benchmarks;

/// <summary>
/// Cost per event of reading a run, against (baseline) a raw <c>await foreach</c> over the same iterator and
/// the pump people hand-write today (Channel + Task.Run + CancellationTokenSource).
/// </summary>
[MemoryDiagnoser]
public class EventStreamingBenchmarks
{
    [Params(1_000, 100_000)]
    public int Events { get; set; }

    [Benchmark(Baseline = true)]
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
    public async Task<long> HandWrittenChannelPump()
    {
        using var cts = new CancellationTokenSource();
        var channel = Channel.CreateUnbounded<int>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var pump = Task.Run(async () =>
        {
            try
            {
                await foreach (var e in Numbers(Events, cts.Token))
                {
                    await channel.Writer.WriteAsync(e, cts.Token);
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
    public async Task<long> RunIteratorForm()
    {
        await using var run = RunResultStreaming.Start<int>((ctx, ct) => Numbers(Events, ct));
        long sum = 0;
        await foreach (var e in run.StreamEvents())
        {
            sum += e;
        }

        return sum;
    }

    [Benchmark]
    public async Task<long> RunEmitterForm()
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

    [Benchmark]
    public async Task<long> RunIteratorFormBounded()
    {
        await using var run = RunResultStreaming.Start<int>((ctx, ct) => Numbers(Events, ct), new RunOptions { BufferCapacity = 64 });
        long sum = 0;
        await foreach (var e in run.StreamEvents())
        {
            sum += e;
        }

        return sum;
    }

    private static async IAsyncEnumerable<int> Numbers(int count, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var i = 0; i < count; i++)
        {
            yield return i;
        }

        await Task.CompletedTask;
    }
}
