using BenchmarkDotNet.Attributes;
using CancelGen;

namespace CancelGen.Benchmarks.Runtime;

/// <summary>
/// Start a run with N tracked tasks that wait for cancellation, then cancel it and wait for everything,
/// against (baseline) the hand-written equivalent: a CancellationTokenSource, N Task.Run, Cancel, Task.WhenAll.
/// </summary>
[MemoryDiagnoser]
public class CancelBenchmarks
{
    private static readonly RunOptions s_named = new() { Name = "benchmark" };

    [Params(0, 100)]
    public int TrackedTasks { get; set; }

    [Benchmark(Baseline = true)]
    public async Task HandWrittenCancel()
    {
        using var cts = new CancellationTokenSource();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = new Task[TrackedTasks + 1];
        for (var i = 0; i < TrackedTasks; i++)
        {
            tasks[i] = Task.Run(() => WaitForCancel(cts.Token));
        }

        tasks[TrackedTasks] = Task.Run(async () =>
        {
            started.SetResult();
            await WaitForCancel(cts.Token);
        });
        await started.Task;
        await cts.CancelAsync();
        await Task.WhenAll(tasks);
    }

    [Benchmark]
    public async Task RunCancelAsync()
    {
        var count = TrackedTasks;
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var run = RunResultStreaming.Start<int>(async (ctx, ct) =>
        {
            for (var i = 0; i < count; i++)
            {
                _ = ctx.Run(WaitForCancel);
            }

            started.SetResult();
            await WaitForCancel(ct);
        });
        await started.Task;
        await run.CancelAsync();
    }

    /// <summary>The same with <see cref="RunOptions.Name"/> set: the run also captures where it was started (for abandoned-run reports).</summary>
    [Benchmark]
    public async Task NamedRunCancelAsync()
    {
        var count = TrackedTasks;
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var run = RunResultStreaming.Start<int>(
            async (ctx, ct) =>
            {
                for (var i = 0; i < count; i++)
                {
                    _ = ctx.Run(WaitForCancel);
                }

                started.SetResult();
                await WaitForCancel(ct);
            },
            s_named);
        await started.Task;
        await run.CancelAsync();
    }

    private static async Task WaitForCancel(CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // expected
        }
    }
}
