using CancelGen;

namespace CancelGen.Runtime.Tests;

/// <summary>Leaving the loop, a consumer token or an exception in the loop body only detach the consumer.</summary>
public class ConsumerTests
{
    /// <summary>An emitter run that emits 0..count-1, waiting for <paramref name="next"/> before each event after the first <paramref name="free"/>.</summary>
    private static RunResultStreaming<int> StartPaced(int count, SemaphoreSlim next, int free = 1) =>
        RunResultStreaming.Start<int>(async (ctx, ct) =>
        {
            for (var i = 0; i < count; i++)
            {
                if (i >= free)
                {
                    await next.WaitAsync(ct);
                }

                await ctx.EmitAsync(i);
            }
        });

    [Fact]
    public async Task Break_detaches_the_consumer_and_the_run_goes_on()
    {
        using var next = new SemaphoreSlim(0);
        await using var run = StartPaced(3, next);

        await foreach (var e in run.StreamEvents())
        {
            Assert.Equal(0, e);
            break;
        }

        Assert.Equal(RunStatus.Running, run.Status);
        next.Release(2);
        await run.Completion.Bounded();
        Assert.Equal(RunStatus.Completed, run.Status);
    }

    [Fact]
    public async Task A_later_consumer_continues_from_the_next_undelivered_event()
    {
        using var next = new SemaphoreSlim(0);
        await using var run = StartPaced(4, next, free: 2);

        var first = new List<int>();
        await foreach (var e in run.StreamEvents())
        {
            first.Add(e);
            if (first.Count == 2)
            {
                break;
            }
        }

        next.Release(2);
        var second = await run.ReadAllAsync().Bounded();

        Assert.Equal([0, 1], first);
        Assert.Equal([2, 3], second);
    }

    [Fact]
    public async Task Cancelling_the_consumer_token_detaches_only_that_consumer()
    {
        using var next = new SemaphoreSlim(0);
        await using var run = StartPaced(2, next);
        using var consumerCts = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var e in run.StreamEvents(consumerCts.Token))
            {
                consumerCts.Cancel();
            }
        }).Bounded();

        Assert.Equal(RunStatus.Running, run.Status);
        next.Release();
        Assert.Equal([1], await run.ReadAllAsync().Bounded());
        Assert.Equal(RunStatus.Completed, run.Status);
    }

    [Fact]
    public async Task Cancelling_the_consumer_token_while_it_waits_detaches_it()
    {
        using var next = new SemaphoreSlim(0);
        await using var run = StartPaced(2, next, free: 0);
        using var consumerCts = new CancellationTokenSource();

        var consumer = run.ReadAllAsync(consumerCts.Token);
        consumerCts.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => consumer).Bounded();
        Assert.Equal(RunStatus.Running, run.Status);
        next.Release(2);
        Assert.Equal([0, 1], await run.ReadAllAsync().Bounded());
    }

    [Fact]
    public async Task WithCancellation_token_detaches_like_the_StreamEvents_token()
    {
        using var next = new SemaphoreSlim(0);
        await using var run = StartPaced(2, next);
        using var consumerCts = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var e in run.StreamEvents().WithCancellation(consumerCts.Token))
            {
                consumerCts.Cancel();
            }
        }).Bounded();

        Assert.Equal(RunStatus.Running, run.Status);
    }

    [Fact]
    public async Task An_exception_in_the_loop_body_detaches_only()
    {
        using var next = new SemaphoreSlim(0);
        await using var run = StartPaced(2, next);

        await Assert.ThrowsAsync<PlannedFailureException>(async () =>
        {
            await foreach (var e in run.StreamEvents())
            {
                throw new PlannedFailureException("consumer failed");
            }
        }).Bounded();

        Assert.Equal(RunStatus.Running, run.Status);
        next.Release();
        await run.Completion.Bounded();
        Assert.Equal(RunStatus.Completed, run.Status);
    }

    [Fact]
    public async Task A_second_concurrent_consumer_throws_InvalidOperationException()
    {
        using var next = new SemaphoreSlim(0);
        await using var run = StartPaced(2, next);

        await using var first = run.StreamEvents().GetAsyncEnumerator();
        Assert.True(await first.MoveNextAsync().AsTask().Bounded());

        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await foreach (var e in run.StreamEvents())
            {
            }
        }).Bounded();
        Assert.Contains("one consumer at a time", error.Message, StringComparison.Ordinal);
        Assert.Equal(RunStatus.Running, run.Status);
    }

    [Fact]
    public async Task A_consumer_may_start_again_after_the_previous_one_was_disposed()
    {
        await using var run = RunResultStreaming.Start<int>((ctx, ct) => TestSupport.Numbers(3));
        await run.Completion.Bounded();

        var first = run.StreamEvents().GetAsyncEnumerator();
        Assert.True(await first.MoveNextAsync());
        await first.DisposeAsync();

        Assert.Equal([1, 2], await run.ReadAllAsync().Bounded());
    }

    [Fact]
    public async Task Enumerating_after_the_stream_ended_yields_nothing()
    {
        await using var run = RunResultStreaming.Start<int>((ctx, ct) => TestSupport.Numbers(5));

        Assert.Equal(5, (await run.ReadAllAsync().Bounded()).Count);
        Assert.Empty(await run.ReadAllAsync().Bounded());
        Assert.Empty(await run.ReadAllAsync().Bounded());
    }

    [Fact]
    public async Task Events_produced_before_anyone_reads_are_all_delivered()
    {
        await using var run = RunResultStreaming.Start<int>((ctx, ct) => TestSupport.Numbers(1000));
        await run.Completion.Bounded();

        Assert.Equal(Enumerable.Range(0, 1000), await run.ReadAllAsync().Bounded());
    }
}
