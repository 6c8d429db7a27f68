using CancelGen;

namespace CancelGen.Runtime.Tests;

/// <summary>Helpers that keep the tests deterministic: gates instead of delays, and a bound on every wait so a bug shows as a failure, not a hang.</summary>
internal static class TestSupport
{
    /// <summary>How long any single wait may take before the test fails (a hang guard, not a timing assertion).</summary>
    public static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(30);

    public static Task Bounded(this Task task) => task.WaitAsync(HangGuard);

    public static Task<T> Bounded<T>(this Task<T> task) => task.WaitAsync(HangGuard);

    public static async Task<List<T>> ReadAllAsync<T>(this RunResultStreaming<T> run, CancellationToken cancellationToken = default)
    {
        var events = new List<T>();
        await foreach (var e in run.StreamEvents(cancellationToken))
        {
            events.Add(e);
        }

        return events;
    }

    public static TaskCompletionSource NewGate() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static TaskCompletionSource<T> NewGate<T>() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>A task that ends only when <paramref name="token"/> is cancelled (as cancelled).</summary>
    public static Task UntilCancelled(CancellationToken token) => Task.Delay(Timeout.Infinite, token);

    /// <summary>
    /// Starts an emitter run that emits 0..count-1 and then idles until cancelled; returns once every event was emitted
    /// (so the events wait in the buffer).
    /// </summary>
    public static async Task<RunResultStreaming<int>> StartEmittedThenIdleAsync(int count)
    {
        var emitted = NewGate();
        var run = RunResultStreaming.Start<int>(async (ctx, ct) =>
        {
            for (var i = 0; i < count; i++)
            {
                await ctx.EmitAsync(i);
            }

            emitted.SetResult();
            await UntilCancelled(ct);
        });
        await emitted.Task.Bounded();
        return run;
    }

    /// <summary>Iterator that yields 0..count-1 without awaiting anything else.</summary>
    public static async IAsyncEnumerable<int> Numbers(int count)
    {
        for (var i = 0; i < count; i++)
        {
            yield return i;
        }

        await Task.CompletedTask;
    }
}

/// <summary>A failure the tests throw on purpose.</summary>
public sealed class PlannedFailureException(string message) : Exception(message);
