using CancelGen;

namespace CancelGen.Runtime.Tests;

public class DisposeTests
{
    [Fact]
    public async Task DisposeAsync_cancels_a_running_run_and_waits_for_its_tracked_tasks()
    {
        var toolStarted = TestSupport.NewGate();
        var toolEnded = false;
        var run = RunResultStreaming.Start<int>(async (ctx, ct) =>
        {
            _ = ctx.Run(async token =>
            {
                try
                {
                    toolStarted.SetResult();
                    await TestSupport.UntilCancelled(token);
                }
                finally
                {
                    await Task.Yield();
                    toolEnded = true;
                }
            });
            await TestSupport.UntilCancelled(ct);
        });
        await toolStarted.Task.Bounded();

        await run.DisposeAsync().AsTask().Bounded();

        Assert.True(toolEnded);
        Assert.Equal(RunStatus.Cancelled, run.Status);
        Assert.True(run.Completion.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task Await_using_stops_the_run_when_the_consumer_breaks()
    {
        var started = TestSupport.NewGate();
        RunResultStreaming<int> handle;
        await using (var run = RunResultStreaming.Start<int>(async (ctx, ct) =>
        {
            await ctx.EmitAsync(1);
            started.SetResult();
            await TestSupport.UntilCancelled(ct);
        }))
        {
            handle = run;
            await foreach (var e in run.StreamEvents())
            {
                break;
            }
        }

        Assert.Equal(RunStatus.Cancelled, handle.Status);
        Assert.True(handle.Completion.IsCompleted);
    }

    [Fact]
    public async Task DisposeAsync_during_enumeration_ends_the_loop_without_exception()
    {
        var started = TestSupport.NewGate();
        var run = RunResultStreaming.Start<int>(async (ctx, ct) =>
        {
            await ctx.EmitAsync(1);
            started.SetResult();
            await TestSupport.UntilCancelled(ct);
        });
        await started.Task.Bounded();

        var delivered = new List<int>();
        var consumer = Task.Run(async () =>
        {
            await foreach (var e in run.StreamEvents())
            {
                delivered.Add(e);
            }
        });
        while (delivered.Count == 0)
        {
            await Task.Yield();
        }

        await run.DisposeAsync();

        await consumer.Bounded();
        Assert.Equal([1], delivered);
        Assert.Equal(RunStatus.Cancelled, run.Status);
    }

    [Fact]
    public async Task DisposeAsync_of_a_faulted_run_ends_a_consumer_quietly()
    {
        var run = RunResultStreaming.Start<int>((RunContext<int> ctx, CancellationToken ct) => throw new PlannedFailureException("x"));
        await Assert.ThrowsAsync<PlannedFailureException>(() => run.Completion).Bounded();

        await run.DisposeAsync();

        Assert.Empty(await run.ReadAllAsync().Bounded());
        Assert.Equal(RunStatus.Faulted, run.Status);
    }

    [Fact]
    public async Task DisposeAsync_twice_is_harmless()
    {
        var run = RunResultStreaming.Start<int>((ctx, ct) => TestSupport.Numbers(2));

        await run.DisposeAsync();
        await run.DisposeAsync();

        Assert.True(run.IsComplete);
    }
}
