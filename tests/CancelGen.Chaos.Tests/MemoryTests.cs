using System.Diagnostics;
using System.Runtime.CompilerServices;
using CancelGen.Chaos.Tests.Harness;
using Xunit.Abstractions;

namespace CancelGen.Chaos.Tests;

/// <summary>
/// Runs started, cancelled and dropped leave nothing reachable: not their handle, their context or their tracked
/// tasks, even when started with a token whose timer outlives them all. A sample of each kept as weak references must
/// be collected after a forced GC.
/// </summary>
[Collection(ChaosCollection.Name)]
public class MemoryTests(ITestOutputHelper output)
{
    private const int Batch = 1000;
    private const int SampleEvery = 997;

    [Fact]
    public async Task Runs_started_cancelled_and_dropped_leave_no_handle_context_or_task_reachable()
    {
        var runs = ChaosSettings.MemoryRuns;
        var samples = new List<WeakReference>();
        var clock = Stopwatch.StartNew();

        // A timer that outlives every run: a run started with its token must not stay reachable through it.
        using var longTimeout = new CancellationTokenSource(TimeSpan.FromHours(1));
        for (var start = 0; start < runs; start += Batch)
        {
            await StartCancelAndDropAsync(start, Math.Min(Batch, runs - start), longTimeout.Token, samples);
        }

        UnobservedExceptionWatch.CollectNow();
        var alive = samples.Count(reference => reference.IsAlive);
        output.WriteLine($"{runs} runs started, cancelled and dropped in {clock.Elapsed.TotalSeconds:F1} s; {samples.Count} sampled objects, {alive} still reachable");
        Assert.True(samples.Count >= 3 * (runs / SampleEvery), "the sample is smaller than planned");
        Assert.Equal(0, alive);
    }

    [Fact]
    public async Task Adapter_runs_cancelled_and_dropped_leave_no_handle_or_function_call_reachable()
    {
        var samples = new List<WeakReference>();
        for (var i = 0; i < 200; i++)
        {
            await StartAdapterRunCancelAndDropAsync(i, samples);
        }

        UnobservedExceptionWatch.CollectNow();
        Assert.Equal(400, samples.Count);
        Assert.Equal(0, samples.Count(reference => reference.IsAlive));
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task StartCancelAndDropAsync(int first, int count, CancellationToken longTimeout, List<WeakReference> samples)
    {
        var completions = new Task[count];
        for (var i = 0; i < count; i++)
        {
            var index = first + i;
            var sampled = index % SampleEvery == 0;
            var toolStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var weak = new WeakReference?[2];
            var run = RunResultStreaming.Start<int>(
                async (ctx, ct) =>
                {
                    weak[0] = new WeakReference(ctx);
                    _ = ctx.Run(
                        token =>
                        {
                            var waiting = Task.Delay(Timeout.Infinite, token);
                            weak[1] = new WeakReference(waiting);
                            toolStarted.TrySetResult();
                            return waiting;
                        },
                        "tool");
                    await ctx.EmitAsync(index);
                    await Task.Delay(Timeout.Infinite, ct);
                },
                new RunOptions { BufferCapacity = index % 3 == 0 ? 1 : null },
                index % 2 == 0 ? longTimeout : default);
            if (sampled)
            {
                await toolStarted.Task.WaitAsync(ChaosSettings.HangGuard);
                samples.Add(new WeakReference(run));
                samples.Add(weak[0]!);
                samples.Add(weak[1]!);
            }

            run.Cancel();
            completions[i] = run.Completion;
        }

        await Task.WhenAll(completions).WaitAsync(ChaosSettings.HangGuard);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task StartAdapterRunCancelAndDropAsync(int index, List<WeakReference> samples)
    {
        var inTool = new Gate();
        var tool = AIFunctionFactory.Create((CancellationToken token) => inTool.PassAsync(token), "wait");
        var model = new ScriptedChatClient().Script("drop me", [ModelStep.Chunk("calling "), ModelStep.Call("wait", $"call-{index}")], [ModelStep.Chunk("never")]);
        var run = Pipelines.WithStreamingRuns(model).StartStreamingRun([new ChatMessage(ChatRole.User, "drop me")], new ChatOptions { Tools = [tool] });
        await inTool.Reached;
        samples.Add(new WeakReference(run));
        samples.Add(new WeakReference(model));

        run.Cancel();
        await run.Completion.WaitAsync(ChaosSettings.HangGuard);
    }
}
