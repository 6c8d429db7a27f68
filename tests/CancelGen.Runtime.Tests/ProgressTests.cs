using CancelGen;

namespace CancelGen.Runtime.Tests;

public class ProgressTests
{
    private sealed record AgentState(int Turn, string Draft);

    [Fact]
    public async Task Saved_progress_and_undelivered_events_survive_an_immediate_cancel()
    {
        var emitted = TestSupport.NewGate();
        await using var run = RunResultStreaming.Start<string>(async (ctx, ct) =>
        {
            ctx.SaveProgress(new AgentState(1, "Hel"));
            await ctx.EmitAsync("Hel");
            await ctx.EmitAsync("lo");
            ctx.SaveProgress(new AgentState(1, "Hello"));
            emitted.SetResult();
            await TestSupport.UntilCancelled(ct);
        });
        await emitted.Task.Bounded();

        await run.CancelAsync().Bounded();

        Assert.Equal(new AgentState(1, "Hello"), run.SavedProgress);
        var progress = run.GetProgress();
        Assert.Equal(new AgentState(1, "Hello"), progress.SavedState);
        Assert.Equal(["Hel", "lo"], progress.UndeliveredEvents);
        Assert.Equal(RunStatus.Cancelled, progress.Status);
        Assert.Equal(1, progress.Turn);
    }

    [Fact]
    public async Task Progress_saved_while_unwinding_from_a_cancel_is_kept()
    {
        var started = TestSupport.NewGate();
        await using var run = RunResultStreaming.Start<int>(async (ctx, ct) =>
        {
            try
            {
                started.SetResult();
                await TestSupport.UntilCancelled(ct);
            }
            catch (OperationCanceledException)
            {
                await Task.Yield();
                ctx.SaveProgress("saved on the way out");
                throw;
            }
        });
        await started.Task.Bounded();

        await run.CancelAsync().Bounded();

        Assert.Equal("saved on the way out", run.SavedProgress);
    }

    [Fact]
    public async Task CurrentTurn_history_holds_the_partial_turn_delivered_or_not()
    {
        var partial = TestSupport.NewGate();
        await using var run = RunResultStreaming.Start<string>(
            async (ctx, ct) =>
            {
                await ctx.EmitAsync("turn-1");
                await ctx.EndTurnAsync();
                await ctx.EmitAsync("turn-2-a");
                await ctx.EmitAsync("turn-2-b");
                partial.SetResult();
                await TestSupport.UntilCancelled(ct);
            },
            new RunOptions { EventHistory = EventHistory.CurrentTurn });
        await partial.Task.Bounded();

        var delivered = new List<string>();
        await foreach (var e in run.StreamEvents())
        {
            delivered.Add(e);
            if (e == "turn-2-a")
            {
                run.Cancel();
            }
        }

        var progress = run.GetProgress();
        Assert.Equal(["turn-1", "turn-2-a"], delivered);
        Assert.Equal(["turn-2-a", "turn-2-b"], progress.RecordedEvents);
        Assert.Equal(["turn-2-b"], progress.UndeliveredEvents);
        Assert.Equal(2, progress.Turn);
    }

    [Fact]
    public async Task All_history_keeps_every_event()
    {
        await using var run = RunResultStreaming.Start<int>(
            async (ctx, ct) =>
            {
                await ctx.EmitAsync(1);
                await ctx.EndTurnAsync();
                await ctx.EmitAsync(2);
            },
            new RunOptions { EventHistory = EventHistory.All });

        await run.ReadAllAsync().Bounded();

        Assert.Equal([1, 2], run.GetProgress().RecordedEvents);
    }

    [Fact]
    public async Task Without_history_nothing_is_recorded_and_nothing_is_undelivered_while_deliverable()
    {
        await using var run = RunResultStreaming.Start<int>((ctx, ct) => TestSupport.Numbers(3));
        await run.Completion.Bounded();

        var progress = run.GetProgress();
        Assert.Empty(progress.RecordedEvents);
        Assert.Empty(progress.UndeliveredEvents);
        Assert.Null(progress.SavedState);
        Assert.Equal([0, 1, 2], await run.ReadAllAsync().Bounded());
    }
}
