using CancelGen;

namespace CancelGen.Runtime.Tests;

public class CancelTests
{
    [Fact]
    public async Task Cancel_before_the_first_event_yields_nothing()
    {
        var mayEmit = TestSupport.NewGate();
        await using var run = RunResultStreaming.Start<int>(async (ctx, ct) =>
        {
            await mayEmit.Task.WaitAsync(ct);
            await ctx.EmitAsync(1);
        });

        run.Cancel();
        mayEmit.SetResult();

        Assert.Empty(await run.ReadAllAsync().Bounded());
        Assert.Equal(RunStatus.Cancelled, run.Status);
        await run.Completion.Bounded();
    }

    [Fact]
    public async Task Cancel_ends_the_stream_without_exception_and_drops_undelivered_events()
    {
        await using var run = await TestSupport.StartEmittedThenIdleAsync(5);

        var delivered = new List<int>();
        await foreach (var e in run.StreamEvents())
        {
            delivered.Add(e);
            if (e == 1)
            {
                run.Cancel();
            }
        }

        Assert.Equal([0, 1], delivered);
        Assert.Equal(RunStatus.Cancelled, run.Status);
        Assert.True(run.IsComplete);
        await run.Completion.Bounded();
        Assert.Equal([2, 3, 4], run.GetProgress().UndeliveredEvents);
    }

    [Fact]
    public async Task Cancel_ends_a_waiting_consumer_without_exception()
    {
        var started = TestSupport.NewGate();
        await using var run = RunResultStreaming.Start<int>(async (ctx, ct) =>
        {
            started.SetResult();
            await TestSupport.UntilCancelled(ct);
        });
        await started.Task.Bounded();

        var consumer = run.ReadAllAsync();
        run.Cancel();

        Assert.Empty(await consumer.Bounded());
        Assert.Equal(RunStatus.Cancelled, run.Status);
    }

    [Fact]
    public async Task A_second_cancel_does_nothing()
    {
        var started = TestSupport.NewGate();
        await using var run = RunResultStreaming.Start<int>(async (ctx, ct) =>
        {
            started.SetResult();
            await TestSupport.UntilCancelled(ct);
        });
        await started.Task.Bounded();

        run.Cancel();
        run.Cancel();
        run.Cancel(CancelMode.AfterTurn);
        await run.CancelAsync().Bounded();

        Assert.Equal(RunStatus.Cancelled, run.Status);
        await run.Completion.Bounded();
    }

    [Fact]
    public async Task Cancel_on_a_completed_run_leaves_it_Completed()
    {
        await using var run = RunResultStreaming.Start<int>((ctx, ct) => TestSupport.Numbers(3));
        await run.Completion.Bounded();

        run.Cancel();
        await run.CancelAsync(CancelMode.AfterTurn).Bounded();
        await run.DisposeAsync();

        Assert.Equal(RunStatus.Completed, run.Status);
        await run.Completion.Bounded();
    }

    [Fact]
    public async Task Cancel_on_a_completed_run_keeps_its_buffered_events_readable()
    {
        await using var run = RunResultStreaming.Start<int>((ctx, ct) => TestSupport.Numbers(3));
        await run.Completion.Bounded();

        run.Cancel();

        Assert.Equal([0, 1, 2], await run.ReadAllAsync().Bounded());
    }

    [Fact]
    public async Task Cancel_cancels_every_tracked_task_and_Completion_waits_for_them()
    {
        var toolsStarted = new CountdownEvent(3);
        var toolsEnded = 0;
        var allStarted = TestSupport.NewGate();
        await using var run = RunResultStreaming.Start<int>(async (ctx, ct) =>
        {
            for (var i = 0; i < 3; i++)
            {
                _ = ctx.Run(async toolToken =>
                {
                    try
                    {
                        if (toolsStarted.Signal())
                        {
                            allStarted.SetResult();
                        }

                        await TestSupport.UntilCancelled(toolToken);
                    }
                    finally
                    {
                        Interlocked.Increment(ref toolsEnded);
                    }
                }, $"tool-{i}");
            }

            await TestSupport.UntilCancelled(ct);
        });
        await allStarted.Task.Bounded();
        Assert.Equal(3, run.TrackedTasks.Count);

        await run.CancelAsync().Bounded();

        Assert.Equal(3, Volatile.Read(ref toolsEnded));
        Assert.True(run.Completion.IsCompletedSuccessfully);
        Assert.Empty(run.TrackedTasks);
        Assert.Equal(RunStatus.Cancelled, run.Status);
    }

    [Fact]
    public async Task CancelAsync_returns_when_the_run_code_has_ended()
    {
        var started = TestSupport.NewGate();
        var codeEnded = false;
        await using var run = RunResultStreaming.Start<int>(async (ctx, ct) =>
        {
            try
            {
                started.SetResult();
                await TestSupport.UntilCancelled(ct);
            }
            finally
            {
                await Task.Yield();
                codeEnded = true;
            }
        });
        await started.Task.Bounded();

        await run.CancelAsync().Bounded();

        Assert.True(codeEnded);
    }

    [Fact]
    public async Task The_run_token_is_cancelled_by_an_immediate_cancel()
    {
        var started = TestSupport.NewGate<CancellationToken>();
        await using var run = RunResultStreaming.Start<int>(async (ctx, ct) =>
        {
            started.SetResult(ctx.CancellationToken);
            await TestSupport.UntilCancelled(ct);
        });
        var token = await started.Task.Bounded();

        Assert.False(token.IsCancellationRequested);
        run.Cancel();
        Assert.True(token.IsCancellationRequested);
    }

    [Fact]
    public async Task Cancel_concurrent_with_completion_ends_consistently()
    {
        for (var i = 0; i < 200; i++)
        {
            var release = TestSupport.NewGate();
            await using var run = RunResultStreaming.Start<int>(async (ctx, ct) =>
            {
                await release.Task;
                await ctx.EmitAsync(1);
            });

            var cancel = Task.Run(() => run.Cancel());
            release.SetResult();
            await cancel.Bounded();
            await run.Completion.Bounded();

            Assert.True(run.Status is RunStatus.Completed or RunStatus.Cancelled, $"iteration {i}: {run.Status}");
            Assert.True(run.Completion.IsCompletedSuccessfully);
        }
    }

    [Fact]
    public async Task Start_token_cancels_the_run_like_Cancel()
    {
        using var startCts = new CancellationTokenSource();
        var started = TestSupport.NewGate();
        await using var run = RunResultStreaming.Start<int>(
            async (ctx, ct) =>
            {
                started.SetResult();
                await TestSupport.UntilCancelled(ct);
            },
            cancellationToken: startCts.Token);
        await started.Task.Bounded();

        startCts.Cancel();

        await run.Completion.Bounded();
        Assert.Equal(RunStatus.Cancelled, run.Status);
    }

    [Fact]
    public async Task An_already_cancelled_start_token_gives_a_cancelled_run_with_zero_events()
    {
        var invoked = false;
        await using var run = RunResultStreaming.Start<int>(
            (ctx, ct) =>
            {
                invoked = true;
                return TestSupport.Numbers(3);
            },
            cancellationToken: new CancellationToken(canceled: true));

        Assert.Empty(await run.ReadAllAsync().Bounded());
        await run.Completion.Bounded();
        Assert.Equal(RunStatus.Cancelled, run.Status);
        Assert.False(invoked);
    }

    [Fact]
    public async Task OperationCanceledException_from_a_cancelled_run_is_not_a_fault()
    {
        var started = TestSupport.NewGate();
        await using var run = RunResultStreaming.Start<int, string>(async (ctx, ct) =>
        {
            started.SetResult();
            await TestSupport.UntilCancelled(ct);
            return "never";
        });
        await started.Task.Bounded();

        await run.CancelAsync().Bounded();

        Assert.True(run.Completion.IsCompletedSuccessfully);
        Assert.Null(run.Fault);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.FinalOutput).Bounded();
    }

    [Fact]
    public void An_unknown_cancel_mode_is_rejected()
    {
        var run = RunResultStreaming.Start<int>((ctx, ct) => TestSupport.Numbers(1));
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => run.Cancel((CancelMode)42));
        Assert.Contains("CancelMode", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Emit_after_an_immediate_cancel_throws_OperationCanceledException()
    {
        var started = TestSupport.NewGate();
        var resume = TestSupport.NewGate();
        var emitError = TestSupport.NewGate<Exception?>();
        await using var run = RunResultStreaming.Start<int>(async (ctx, ct) =>
        {
            started.SetResult();
            await resume.Task;
            try
            {
                await ctx.EmitAsync(1);
                emitError.SetResult(null);
            }
            catch (Exception ex)
            {
                emitError.SetResult(ex);
                throw;
            }
        });
        await started.Task.Bounded();

        run.Cancel();
        resume.SetResult();

        Assert.IsAssignableFrom<OperationCanceledException>(await emitError.Task.Bounded());
        await run.Completion.Bounded();
        Assert.Equal(RunStatus.Cancelled, run.Status);
    }
}
