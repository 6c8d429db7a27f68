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
