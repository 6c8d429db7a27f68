using CancelGen;

namespace CancelGen.Runtime.Tests;

public class PauseTests
{
    [Fact]
    public async Task Pause_holds_an_emitter_at_its_next_event_and_Resume_loses_nothing()
    {
        var firstEmitted = TestSupport.NewGate();
        var secondAttempted = TestSupport.NewGate();
        await using var run = RunResultStreaming.Start<int>(async (ctx, ct) =>
        {
            await ctx.EmitAsync(0);
            firstEmitted.SetResult();
            await secondAttempted.Task;
            for (var i = 1; i < 5; i++)
            {
                await ctx.EmitAsync(i);
            }
        });
        await firstEmitted.Task.Bounded();

        run.Pause();
        Assert.True(run.IsPaused);
        secondAttempted.SetResult();

        var consumer = run.StreamEvents().GetAsyncEnumerator();
        Assert.True(await consumer.MoveNextAsync().AsTask().Bounded());
        Assert.Equal(0, consumer.Current);
        var waiting = consumer.MoveNextAsync().AsTask();
        Assert.False(waiting.IsCompleted);
        Assert.Equal(RunStatus.Running, run.Status);

        run.Resume();
        Assert.False(run.IsPaused);
        Assert.True(await waiting.Bounded());
        var rest = new List<int> { consumer.Current };
        while (await consumer.MoveNextAsync())
        {
            rest.Add(consumer.Current);
        }

        await consumer.DisposeAsync();
        Assert.Equal([1, 2, 3, 4], rest);
        Assert.Equal(RunStatus.Completed, run.Status);
    }

    [Fact]
    public async Task Pause_holds_an_iterator_between_events()
    {
        var pulled = 0;
        var run = RunResultStreaming.Start<int>(
            (ctx, ct) => Counting(() => Interlocked.Increment(ref pulled)),
            new RunOptions { BufferCapacity = 1 });
        run.Pause();

        // A paused producer pulls at most the event it was producing when the pause was asked.
        var consumer = run.StreamEvents().GetAsyncEnumerator();
        var first = consumer.MoveNextAsync().AsTask();
        var pulledWhilePaused = Volatile.Read(ref pulled);
        Assert.True(pulledWhilePaused <= 2, $"pulled {pulledWhilePaused}");

        run.Resume();
        Assert.True(await first.Bounded());
        var all = new List<int> { consumer.Current };
        while (await consumer.MoveNextAsync())
        {
            all.Add(consumer.Current);
        }

        await consumer.DisposeAsync();
        Assert.Equal(Enumerable.Range(0, 20), all);
        await run.DisposeAsync();

        static async IAsyncEnumerable<int> Counting(Func<int> onPull)
        {
            for (var i = 0; i < 20; i++)
            {
                onPull();
                await Task.Yield();
                yield return i;
            }
        }
    }

    [Fact]
    public async Task Pause_holds_the_run_at_its_turn_boundary()
    {
        var goToBoundary = TestSupport.NewGate();
        var atBoundary = TestSupport.NewGate();
        var pastBoundary = false;
        await using var run = RunResultStreaming.Start<int>(async (ctx, ct) =>
        {
            await goToBoundary.Task;
            atBoundary.SetResult();
            await ctx.EndTurnAsync();
            pastBoundary = true;
        });
        run.Pause();
        goToBoundary.SetResult();
        await atBoundary.Task.Bounded();

        await Task.Delay(20); // give a wrong implementation the time to go past the boundary
        Assert.False(pastBoundary);
        Assert.False(run.Completion.IsCompleted);

        run.Resume();
        await run.Completion.Bounded();
        Assert.True(pastBoundary);
        Assert.Equal(2, run.CurrentTurn);
    }

    [Fact]
    public async Task Cancel_while_paused_stops_the_run()
    {
        var holding = TestSupport.NewGate();
        await using var run = RunResultStreaming.Start<int>(async (ctx, ct) =>
        {
            await holding.Task;
            await ctx.EmitAsync(1);
        });
        run.Pause();
        holding.SetResult();

        await run.CancelAsync().Bounded();

        Assert.Equal(RunStatus.Cancelled, run.Status);
        Assert.Empty(await run.ReadAllAsync().Bounded());
    }

    [Fact]
    public async Task AfterTurn_while_paused_at_the_boundary_stops_the_run()
    {
        var emitted = TestSupport.NewGate();
        var goToBoundary = TestSupport.NewGate();
        await using var run = RunResultStreaming.Start<int>(async (ctx, ct) =>
        {
            await ctx.EmitAsync(1);
            emitted.SetResult();
            await goToBoundary.Task;
            await ctx.EndTurnAsync();
            await ctx.EmitAsync(2);
        });
        await emitted.Task.Bounded();
        run.Pause();
        goToBoundary.SetResult();
        await Task.Delay(20); // let the run reach its boundary and wait there, paused (the test passes without this pause too)

        await run.CancelAsync(CancelMode.AfterTurn).Bounded();

        Assert.Equal(RunStatus.Cancelled, run.Status);
        Assert.Equal([1], await run.ReadAllAsync().Bounded());
    }

    [Fact]
    public async Task Pause_and_Resume_on_an_ended_run_do_nothing()
    {
        await using var run = RunResultStreaming.Start<int>((ctx, ct) => TestSupport.Numbers(1));
        await run.Completion.Bounded();

        run.Pause();
        Assert.False(run.IsPaused);
        run.Resume();
        Assert.Equal(RunStatus.Completed, run.Status);
    }
}
