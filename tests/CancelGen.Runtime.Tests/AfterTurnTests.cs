using CancelGen;

namespace CancelGen.Runtime.Tests;

public class AfterTurnTests
{
    [Fact]
    public async Task AfterTurn_lets_the_turn_finish_then_stops_at_the_boundary()
    {
        var midTurn = TestSupport.NewGate();
        var finishTurn = TestSupport.NewGate();
        var toolFinished = false;
        var reachedSecondTurn = false;
        await using var run = RunResultStreaming.Start<string>(async (ctx, ct) =>
        {
            await ctx.EmitAsync("t1-a");
            midTurn.SetResult();
            await finishTurn.Task;
            await ctx.Run(async toolToken =>
            {
                await Task.Yield();
                toolFinished = !toolToken.IsCancellationRequested;
            }, "tool");
            await ctx.EmitAsync("t1-b");
            await ctx.EndTurnAsync();
            reachedSecondTurn = true;
            await ctx.EmitAsync("t2");
        });
        await midTurn.Task.Bounded();

        run.Cancel(CancelMode.AfterTurn);
        Assert.Equal(RunStatus.Running, run.Status);
        finishTurn.SetResult();

        Assert.Equal(["t1-a", "t1-b"], await run.ReadAllAsync().Bounded());
        await run.Completion.Bounded();
        Assert.Equal(RunStatus.Cancelled, run.Status);
        Assert.True(toolFinished);
        Assert.False(reachedSecondTurn);
        Assert.Equal(1, run.CurrentTurn);
    }

    [Fact]
    public async Task AfterTurn_waits_for_the_tasks_the_turn_started_and_cancels_older_ones()
    {
        var midTurn = TestSupport.NewGate();
        var finishTool = TestSupport.NewGate();
        var endTurn = TestSupport.NewGate();
        var turnToolResult = "";
        var heartbeatCancelled = false;
        await using var run = RunResultStreaming.Start<int>(async (ctx, ct) =>
        {
            _ = ctx.Run(async token =>
            {
                try
                {
                    await TestSupport.UntilCancelled(token);
                }
                finally
                {
                    heartbeatCancelled = token.IsCancellationRequested;
                }
            }, "heartbeat");
            await ctx.EndTurnAsync();
            _ = ctx.Run(async token =>
            {
                await finishTool.Task;
                turnToolResult = token.IsCancellationRequested ? "cancelled" : "finished";
            }, "turn-2-tool");
            midTurn.SetResult();
            await endTurn.Task;
            await ctx.EndTurnAsync();
        });
        await midTurn.Task.Bounded();

        run.Cancel(CancelMode.AfterTurn);
        endTurn.SetResult();
        await Task.Delay(20); // let the run wait at its boundary for the turn's tool (the test passes without this pause too)
        Assert.Equal(RunStatus.Running, run.Status);
        finishTool.SetResult();
        await run.Completion.Bounded();

        Assert.Equal("finished", turnToolResult);
        Assert.True(heartbeatCancelled);
        Assert.Equal(RunStatus.Cancelled, run.Status);
    }

    [Fact]
    public async Task A_later_immediate_cancel_upgrades_an_after_turn_request()
    {
        var midTurn = TestSupport.NewGate();
        await using var run = RunResultStreaming.Start<int>(async (ctx, ct) =>
        {
            await ctx.EmitAsync(1);
            midTurn.SetResult();
            await TestSupport.UntilCancelled(ct); // a turn that would never finish by itself
            await ctx.EndTurnAsync();
        });
        await midTurn.Task.Bounded();

        run.Cancel(CancelMode.AfterTurn);
        Assert.Equal(RunStatus.Running, run.Status);
        run.Cancel(CancelMode.Immediate);

        await run.Completion.Bounded();
        Assert.Equal(RunStatus.Cancelled, run.Status);
        Assert.Empty(await run.ReadAllAsync().Bounded());
        Assert.Equal([1], run.GetProgress().UndeliveredEvents);
    }

    [Fact]
    public async Task Immediate_cancel_upgrades_while_waiting_for_the_turns_tasks()
    {
        var midTurn = TestSupport.NewGate();
        await using var run = RunResultStreaming.Start<int>(async (ctx, ct) =>
        {
            _ = ctx.Run(TestSupport.UntilCancelled, "stuck-until-cancelled");
            midTurn.SetResult();
            await ctx.EndTurnAsync();
        });
        await midTurn.Task.Bounded();

        run.Cancel(CancelMode.AfterTurn);
        run.Cancel(CancelMode.Immediate);

        await run.Completion.Bounded();
        Assert.Equal(RunStatus.Cancelled, run.Status);
        Assert.Empty(run.TrackedTasks);
    }

    [Fact]
    public async Task A_run_with_no_consumer_is_never_blocked_by_an_after_turn_request()
    {
        var midTurn = TestSupport.NewGate();
        var finishTurn = TestSupport.NewGate();
        await using var run = RunResultStreaming.Start<int>(async (ctx, ct) =>
        {
            for (var i = 0; i < 100; i++)
            {
                await ctx.EmitAsync(i);
            }

            midTurn.SetResult();
            await finishTurn.Task;
            await ctx.EndTurnAsync();
            await ctx.EmitAsync(-1);
        });
        await midTurn.Task.Bounded();

        run.Cancel(CancelMode.AfterTurn);
        finishTurn.SetResult();

        await run.Completion.Bounded();
        Assert.Equal(RunStatus.Cancelled, run.Status);
        Assert.Equal(Enumerable.Range(0, 100), await run.ReadAllAsync().Bounded());
    }

    [Fact]
    public async Task AfterTurn_with_a_full_bounded_buffer_and_no_consumer_still_stops_at_the_boundary()
    {
        var atBoundary = TestSupport.NewGate();
        var endTurn = TestSupport.NewGate();
        await using var run = RunResultStreaming.Start<int>(
            async (ctx, ct) =>
            {
                await ctx.EmitAsync(1);
                await ctx.EmitAsync(2);
                atBoundary.SetResult();
                await endTurn.Task;
                await ctx.EndTurnAsync();
                await ctx.EmitAsync(3);
            },
            new RunOptions { BufferCapacity = 2 });
        await atBoundary.Task.Bounded();

        run.Cancel(CancelMode.AfterTurn);
        endTurn.SetResult();
        await run.Completion.Bounded();

        Assert.Equal(RunStatus.Cancelled, run.Status);
        Assert.Equal([1, 2], await run.ReadAllAsync().Bounded());
    }

    [Fact]
    public async Task AfterTurn_on_a_run_that_never_reaches_a_boundary_lets_it_complete()
    {
        var release = TestSupport.NewGate();
        await using var run = RunResultStreaming.Start<int>(async (ctx, ct) =>
        {
            await release.Task;
            await ctx.EmitAsync(7);
        });

        run.Cancel(CancelMode.AfterTurn);
        release.SetResult();

        Assert.Equal([7], await run.ReadAllAsync().Bounded());
        Assert.Equal(RunStatus.Completed, run.Status);
    }

    [Fact]
    public async Task AfterTurn_requested_before_a_boundary_is_never_missed()
    {
        // The consumer asks to stop on the first event of each turn, however far the producer has run ahead.
        for (var i = 0; i < 100; i++)
        {
            await using var run = RunResultStreaming.Start<int>(async (ctx, ct) =>
            {
                for (var turn = 1; turn <= 50; turn++)
                {
                    await ctx.EmitAsync(turn);
                    await ctx.EndTurnAsync();
                }
            });

            var seen = new List<int>();
            await foreach (var e in run.StreamEvents())
            {
                seen.Add(e);
                run.Cancel(CancelMode.AfterTurn);
            }

            await run.Completion.Bounded();
            Assert.Equal(Enumerable.Range(1, seen.Count), seen);
            Assert.True(run.Status == RunStatus.Cancelled || seen.Count == 50, $"iteration {i}: {run.Status} after {seen.Count} events");
        }
    }

    [Fact]
    public async Task The_run_code_can_see_an_after_turn_request()
    {
        var requested = TestSupport.NewGate();
        var sawIt = TestSupport.NewGate<bool>();
        await using var run = RunResultStreaming.Start<int>(async (ctx, ct) =>
        {
            await requested.Task;
            sawIt.SetResult(ctx.IsCancelAfterTurnRequested);
            await ctx.EndTurnAsync();
        });

        run.Cancel(CancelMode.AfterTurn);
        requested.SetResult();

        Assert.True(await sawIt.Task.Bounded());
        await run.Completion.Bounded();
        Assert.Equal(RunStatus.Cancelled, run.Status);
    }
}
