using CancelGen;

namespace CancelGen.Runtime.Tests;

public class BufferTests
{
    [Fact]
    public async Task A_bounded_buffer_makes_the_producer_wait_for_the_consumer()
    {
        var thirdPending = TestSupport.NewGate<bool>();
        var thirdDone = TestSupport.NewGate();
        await using var run = RunResultStreaming.Start<int>(
            async (ctx, ct) =>
            {
                await ctx.EmitAsync(1);
                await ctx.EmitAsync(2);
                var third = ctx.EmitAsync(3);
                thirdPending.SetResult(!third.IsCompleted);
                await third;
                thirdDone.SetResult();
            },
            new RunOptions { BufferCapacity = 2 });

        Assert.True(await thirdPending.Task.Bounded());
        Assert.False(thirdDone.Task.IsCompleted);

        Assert.Equal([1, 2, 3], await run.ReadAllAsync().Bounded());
        await thirdDone.Task.Bounded();
    }

    [Fact]
    public async Task An_immediate_cancel_releases_a_producer_waiting_on_a_full_buffer()
    {
        var waiting = TestSupport.NewGate();
        await using var run = RunResultStreaming.Start<int>(
            async (ctx, ct) =>
            {
                await ctx.EmitAsync(1);
                var second = ctx.EmitAsync(2);
                waiting.SetResult();
                await second;
            },
            new RunOptions { BufferCapacity = 1 });
        await waiting.Task.Bounded();

        await run.CancelAsync().Bounded();

        Assert.Equal(RunStatus.Cancelled, run.Status);
        Assert.Equal([1], run.GetProgress().UndeliveredEvents);
    }

    [Fact]
    public async Task A_bounded_iterator_run_delivers_everything_in_order()
    {
        await using var run = RunResultStreaming.Start<int>((ctx, ct) => TestSupport.Numbers(500), new RunOptions { BufferCapacity = 4 });

        Assert.Equal(Enumerable.Range(0, 500), await run.ReadAllAsync().Bounded());
        Assert.Equal(RunStatus.Completed, run.Status);
    }

    [Fact]
    public async Task Concurrent_emitters_lose_nothing()
    {
        await using var run = RunResultStreaming.Start<int>(
            async (ctx, ct) =>
            {
                var producers = Enumerable.Range(0, 4).Select(p => ctx.Run(async _ =>
                {
                    for (var i = 0; i < 250; i++)
                    {
                        await ctx.EmitAsync((p * 1000) + i);
                    }
                }, $"producer-{p}"));
                await Task.WhenAll(producers);
            },
            new RunOptions { BufferCapacity = 8 });

        var events = await run.ReadAllAsync().Bounded();

        Assert.Equal(1000, events.Count);
        for (var p = 0; p < 4; p++)
        {
            Assert.Equal(Enumerable.Range(p * 1000, 250), events.Where(e => e / 1000 == p));
        }
    }

    [Fact]
    public async Task A_backlog_of_many_segments_is_delivered_in_order_and_the_rest_kept_on_cancel()
    {
        const int count = 5000;
        await using var run = await TestSupport.StartEmittedThenIdleAsync(count);

        var delivered = new List<int>();
        await foreach (var e in run.StreamEvents())
        {
            delivered.Add(e);
            if (delivered.Count == 1500)
            {
                run.Cancel();
            }
        }

        Assert.Equal(Enumerable.Range(0, 1500), delivered);
        Assert.Equal(Enumerable.Range(1500, count - 1500), run.GetProgress().UndeliveredEvents);
    }

    [Fact]
    public async Task A_progress_read_racing_an_immediate_cancel_never_lists_a_delivered_event()
    {
        // The consumer takes most of a backlog without the buffer's lock; a progress read on another thread while it
        // does must not list an event the consumer delivers, and nothing may be lost or repeated. The race is a few
        // instructions wide: many short rounds.
        const int count = 2000;
        for (var round = 0; round < 600; round++)
        {
            var cancelAt = 1 + (round * 67 % (count - 1));
            await using var run = RunResultStreaming.Start<int>(
                async (ctx, ct) =>
                {
                    for (var i = 0; i < count; i++)
                    {
                        await ctx.EmitAsync(i);
                    }

                    await TestSupport.UntilCancelled(ct);
                },
                new RunOptions { EventHistory = EventHistory.All });
            var reached = TestSupport.NewGate();
            var delivered = new List<int>();
            var consuming = Task.Run(async () =>
            {
                await foreach (var e in run.StreamEvents())
                {
                    delivered.Add(e);
                    if (delivered.Count == cancelAt)
                    {
                        reached.SetResult();
                    }
                }
            });
            await reached.Task.Bounded();

            run.Cancel();
            var during = run.GetProgress().UndeliveredEvents;
            await consuming.Bounded();
            var after = run.GetProgress();

            Assert.Empty(during.Intersect(delivered));
            Assert.Equal(after.RecordedEvents, delivered.Concat(after.UndeliveredEvents));
            Assert.Equal(after.UndeliveredEvents.Skip(after.UndeliveredEvents.Count - during.Count), during);
        }
    }
}
