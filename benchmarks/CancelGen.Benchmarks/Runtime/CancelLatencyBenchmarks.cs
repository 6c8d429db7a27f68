using BenchmarkDotNet.Attributes;
using Microsoft.Agents.AI.Workflows;

namespace CancelGen.Benchmarks.Runtime;

/// <summary>
/// Cancel latency on the same workload: the run's code emits one event and then waits until cancelled; the consumer
/// cancels when it reads that event and the operation ends when the consumer's loop has exited and the run is
/// disposed. Baseline: the Agent Framework (<c>StreamingRun.CancelRunAsync</c>). Both operations include starting the
/// run and reading its first event, the same for both sides; the difference between them is the cancel path.
/// </summary>
[MemoryDiagnoser]
public class CancelLatencyBenchmarks
{
    private Workflow _workflow = null!;

    [GlobalSetup]
    public void Setup() => _workflow = AgentFrameworkPeer.EmitOneThenWait();

    [Benchmark(Baseline = true)]
    public async Task<int> AgentFrameworkCancelRunAsync()
    {
        var seen = 0;
        await using var run = await InProcessExecution.RunStreamingAsync(_workflow, 0);
        await foreach (var e in run.WatchStreamAsync())
        {
            if (e is TickEvent)
            {
                seen++;
                await run.CancelRunAsync();
            }
        }

        return seen;
    }

    [Benchmark]
    public async Task<int> RunCancel()
    {
        var seen = 0;
        await using var run = RunResultStreaming.Start<int>(async (ctx, ct) =>
        {
            await ctx.EmitAsync(0);
            await Waits.UntilCancelled(ct);
        });
        await foreach (var e in run.StreamEvents())
        {
            seen++;
            run.Cancel();
        }

        return seen;
    }
}
