using CancelGen;

namespace CancelGen.Runtime.Tests;

/// <summary>The step of an iterator-form run passing between its pump and a consumer that attaches while it runs free.</summary>
public class IteratorHandOffTests
{
    /// <summary>
    /// The pump runs free on the thread pool until the consumer attaches; the consumer then reads the queued events and
    /// catches up with the pump. Each run is one chance for the catch-up to land between the pump's write and its release
    /// of the step: the consumer reads the last queued event, finds the step held, and waits, so the pump must see the
    /// wait and go on (it once released the step and the run hung). Many short runs make that interleaving likely.
    /// </summary>
    [Fact]
    public async Task A_consumer_that_catches_up_with_a_free_running_pump_gets_every_event()
    {
        const int runs = 3_000;
        const int events = 2_000;
        for (var r = 0; r < runs; r++)
        {
            var producing = TestSupport.NewGate();
            await using var run = RunResultStreaming.Start<int>((ctx, ct) => SignalledNumbers(events, producing));
            await producing.Task.Bounded();

            var (count, sum) = await ReadAllAsync(run).Bounded();

            Assert.Equal(events, count);
            Assert.Equal((long)events * (events - 1) / 2, sum);
            Assert.Equal(RunStatus.Completed, run.Status);
        }
    }

    [Fact]
    public async Task Waiting_for_the_end_inside_the_loop_body_takes_the_step_from_the_consumer()
    {
        await using var run = RunResultStreaming.Start<int>((ctx, ct) => TestSupport.Numbers(50));
        var seen = new List<int>();

        await foreach (var e in run.StreamEvents())
        {
            seen.Add(e);
            if (e == 3)
            {
                // The consumer holds the step between events: the run must reach its end without it.
                await run.Completion.Bounded();
                Assert.Equal(RunStatus.Completed, run.Status);
            }
        }

        Assert.Equal(Enumerable.Range(0, 50), seen);
    }

    [Fact]
    public async Task Leaving_the_loop_gives_the_step_back_and_the_run_goes_on_by_itself()
    {
        var produced = 0;
        await using var run = RunResultStreaming.Start<int>((ctx, ct) => CountingNumbers(200, () => Interlocked.Increment(ref produced)));

        await foreach (var e in run.StreamEvents())
        {
            if (e == 5)
            {
                break;
            }
        }

        await run.Completion.Bounded();
        Assert.Equal(RunStatus.Completed, run.Status);
        Assert.Equal(200, Volatile.Read(ref produced));
    }

    [Fact]
    public async Task A_later_consumer_takes_the_step_over_and_reads_on_from_the_next_event()
    {
        var gate = TestSupport.NewGate();
        await using var run = RunResultStreaming.Start<int>((ctx, ct) => GatedNumbers(20, 10, gate.Task));

        var first = new List<int>();
        await foreach (var e in run.StreamEvents())
        {
            first.Add(e);
            if (e == 4)
            {
                break;
            }
        }

        gate.SetResult();
        var second = await run.ReadAllAsync().Bounded();

        Assert.Equal(Enumerable.Range(0, 5), first);
        Assert.Equal(Enumerable.Range(5, 15), second);
    }

    [Fact]
    public async Task An_after_turn_cancel_asked_in_the_loop_body_lets_the_turn_finish()
    {
        // The run holds after event 1 until the cancel was asked, so it cannot finish its turns before.
        var asked = TestSupport.NewGate();
        await using var run = RunResultStreaming.Start<int>((ctx, ct) => TurnNumbers(ctx, turns: 3, perTurn: 4, holdAfter: 1, asked.Task));
        var seen = new List<int>();

        await foreach (var e in run.StreamEvents())
        {
            seen.Add(e);
            if (e == 1)
            {
                run.Cancel(CancelMode.AfterTurn);
                asked.SetResult();
            }
        }

        await run.Completion.Bounded();
        Assert.Equal(RunStatus.Cancelled, run.Status);
        Assert.Equal([0, 1, 2, 3], seen);
    }

    private static async IAsyncEnumerable<int> CountingNumbers(int count, Action onProduced)
    {
        for (var i = 0; i < count; i++)
        {
            onProduced();
            yield return i;
        }

        await Task.CompletedTask;
    }

    private static async IAsyncEnumerable<int> GatedNumbers(int count, int gateAt, Task gate)
    {
        for (var i = 0; i < count; i++)
        {
            if (i == gateAt)
            {
                await gate;
            }

            yield return i;
        }
    }

    private static async IAsyncEnumerable<int> TurnNumbers(RunContext ctx, int turns, int perTurn, int holdAfter, Task hold)
    {
        for (var turn = 0; turn < turns; turn++)
        {
            for (var i = 0; i < perTurn; i++)
            {
                var e = (turn * perTurn) + i;
                yield return e;
                if (e == holdAfter)
                {
                    await hold;
                }
            }

            await ctx.EndTurnAsync();
        }
    }

    private static async Task<(int Count, long Sum)> ReadAllAsync(RunResultStreaming<int> run)
    {
        var count = 0;
        long sum = 0;
        await foreach (var e in run.StreamEvents())
        {
            count++;
            sum += e;
        }

        return (count, sum);
    }

    private static async IAsyncEnumerable<int> SignalledNumbers(int count, TaskCompletionSource producing)
    {
        for (var i = 0; i < count; i++)
        {
            if (i == 16)
            {
                producing.TrySetResult();
            }

            yield return i;
        }

        await Task.CompletedTask;
    }
}
