using System.Collections.Concurrent;
using CancelGen;
using Xunit.Abstractions;

namespace CancelGen.Runtime.Tests;

/// <summary>
/// Thousands of runs, each driven by a seeded random: tracked tasks that finish, wait for cancel or ignore it
/// for a while; consumers that read part of the stream; then one action. Every run must end as its action
/// says, with every tracked task ended, events in order, no hang and no unobserved exception.
/// Replay one seed with CANCELGEN_STRESS_SEED=n; scale with CANCELGEN_STRESS_RUNS=n.
/// </summary>
[Collection(StressCollection.Name)]
public class StressTests(ITestOutputHelper output)
{
    private enum StressAction
    {
        Complete,
        CancelImmediate,
        CancelAfterTurn,
        Fault,
        PauseResume,
        Dispose,
        PartialCancel,
        StartToken,
        CancelAsyncWithoutConsumer,
    }

    private sealed class StressFailureException(string message) : Exception(message);

    [Fact]
    public async Task Thousands_of_runs_end_as_their_action_says_with_no_leaked_task_or_exception()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("CANCELGEN_STRESS_SEED"), out var s) ? s : 20261124;
        var runs = int.TryParse(Environment.GetEnvironmentVariable("CANCELGEN_STRESS_RUNS"), out var n) ? n : 3000;
        output.WriteLine($"seed {seed}, {runs} runs");

        var unobserved = 0;
        void OnUnobserved(object? sender, UnobservedTaskExceptionEventArgs e)
        {
            if (e.Exception.Flatten().InnerExceptions.Any(x => x is StressFailureException))
            {
                Interlocked.Increment(ref unobserved);
            }
        }

        TaskScheduler.UnobservedTaskException += OnUnobserved;
        var failures = new ConcurrentQueue<string>();
        var counts = new ConcurrentDictionary<StressAction, int>();
        try
        {
            await Parallel.ForEachAsync(Enumerable.Range(0, runs), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (index, _) =>
            {
                var random = new Random(seed + index);
                var action = (StressAction)random.Next(Enum.GetValues<StressAction>().Length);
                counts.AddOrUpdate(action, 1, (_, c) => c + 1);
                try
                {
                    await RunOneAsync(random, action).WaitAsync(TestSupport.HangGuard);
                }
                catch (Exception ex)
                {
                    failures.Enqueue($"seed {seed}, run {index} (replay: CANCELGEN_STRESS_SEED={seed + index} CANCELGEN_STRESS_RUNS=1), {action}: {ex.GetType().Name}: {ex.Message}");
                }
            });

            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
        }
        finally
        {
            TaskScheduler.UnobservedTaskException -= OnUnobserved;
        }

        output.WriteLine(string.Join(", ", counts.OrderBy(c => c.Key).Select(c => $"{c.Key}: {c.Value}")));
        Assert.True(failures.IsEmpty, $"{failures.Count} failing runs (seed {seed}):\n{string.Join("\n", failures.Take(10))}");
        Assert.Equal(0, unobserved);
    }

    private static async Task RunOneAsync(Random random, StressAction action)
    {
        var turns = random.Next(1, 4);
        var eventsPerTurn = random.Next(0, 5);
        var toolKinds = Enumerable.Range(0, turns * random.Next(0, 3)).Select(_ => random.Next(3)).ToArray();
        var toolsPerTurn = toolKinds.Length / turns;
        var capacity = random.Next(2) == 0 ? (int?)random.Next(1, 4) : null;
        var total = turns * eventsPerTurn;
        var actAt = random.Next(0, total + 1);

        var finish = TestSupport.NewGate();
        var faultNow = TestSupport.NewGate();
        var toolsStarted = 0;
        var toolsEnded = 0;
        using var startCts = new CancellationTokenSource();

        var run = RunResultStreaming.Start<int>(
            async (ctx, ct) =>
            {
                if (action == StressAction.Fault)
                {
                    _ = ctx.Run(async _ =>
                    {
                        await faultNow.Task;
                        throw new StressFailureException("planned");
                    }, "fails");
                }

                for (var turn = 0; turn < turns; turn++)
                {
                    for (var t = 0; t < toolsPerTurn; t++)
                    {
                        var kind = toolKinds[(turn * toolsPerTurn) + t];
                        _ = ctx.Run(async token =>
                        {
                            Interlocked.Increment(ref toolsStarted);
                            try
                            {
                                switch (kind)
                                {
                                    case 0:
                                        await Task.Yield();
                                        break;
                                    case 1:
                                        await Task.WhenAny(finish.Task, TestSupport.UntilCancelled(token));
                                        break;
                                    default:
                                        await Task.Delay(1, CancellationToken.None); // ignores its token for a while
                                        break;
                                }
                            }
                            finally
                            {
                                Interlocked.Increment(ref toolsEnded);
                            }
                        }, $"tool-{turn}-{t}");
                    }

                    for (var e = 0; e < eventsPerTurn; e++)
                    {
                        await ctx.EmitAsync((turn * eventsPerTurn) + e);
                    }

                    await ctx.EndTurnAsync();
                }

                await finish.Task.WaitAsync(ct);
                await ctx.EndTurnAsync();
            },
            new RunOptions { BufferCapacity = capacity, Name = action.ToString() },
            startCts.Token);

        var delivered = new List<int>();
        Exception? consumerError = null;
        await using (var consumer = run.StreamEvents().GetAsyncEnumerator())
        {
            if (action != StressAction.CancelAsyncWithoutConsumer)
            {
                while (delivered.Count < actAt && await consumer.MoveNextAsync())
                {
                    delivered.Add(consumer.Current);
                }
            }

            switch (action)
            {
                case StressAction.Complete:
                    finish.SetResult();
                    break;
                case StressAction.CancelImmediate:
                    run.Cancel();
                    break;
                case StressAction.CancelAfterTurn:
                    run.Cancel(CancelMode.AfterTurn);
                    finish.SetResult();
                    break;
                case StressAction.Fault:
                    faultNow.SetResult();
                    break;
                case StressAction.PauseResume:
                    run.Pause();
                    run.Resume();
                    finish.SetResult();
                    break;
                case StressAction.Dispose:
                    await run.DisposeAsync();
                    break;
                case StressAction.PartialCancel:
                    foreach (var task in run.TrackedTasks)
                    {
                        run.CancelTask(task.Id);
                    }

                    finish.SetResult();
                    break;
                case StressAction.StartToken:
                    startCts.Cancel();
                    break;
                case StressAction.CancelAsyncWithoutConsumer:
                    await run.CancelAsync();
                    break;
            }

            try
            {
                while (await consumer.MoveNextAsync())
                {
                    delivered.Add(consumer.Current);
                }
            }
            catch (Exception ex)
            {
                consumerError = ex;
            }
        }

        Exception? completionError = null;
        try
        {
            await run.Completion;
        }
        catch (Exception ex)
        {
            completionError = ex;
        }

        var expectedStatus = action switch
        {
            StressAction.Complete or StressAction.PauseResume or StressAction.PartialCancel => RunStatus.Completed,
            StressAction.Fault => RunStatus.Faulted,
            _ => RunStatus.Cancelled,
        };
        Check(run.Status == expectedStatus, $"status {run.Status}, expected {expectedStatus}");
        Check(Volatile.Read(ref toolsStarted) == Volatile.Read(ref toolsEnded), $"{toolsStarted - toolsEnded} tracked tasks still running after Completion");
        Check(run.TrackedTasks.Count == 0, "tracked tasks listed after Completion");
        Check(delivered.SequenceEqual(Enumerable.Range(0, delivered.Count)), $"events out of order: {string.Join(",", delivered)}");
        if (expectedStatus == RunStatus.Faulted)
        {
            Check(completionError is StressFailureException, $"Completion ended with {completionError?.GetType().Name ?? "success"}");
            Check(consumerError is StressFailureException, $"consumer ended with {consumerError?.GetType().Name ?? "no exception"}");
        }
        else
        {
            Check(completionError is null, $"Completion threw {completionError?.GetType().Name}");
            Check(consumerError is null, $"consumer threw {consumerError?.GetType().Name}");
        }

        if (expectedStatus == RunStatus.Completed)
        {
            Check(delivered.Count == total, $"{delivered.Count} of {total} events delivered");
        }
        else if (action == StressAction.CancelAfterTurn)
        {
            // The turn in progress when the request came finishes whole: only complete turns are delivered.
            Check(delivered.Count >= actAt && (eventsPerTurn == 0 || delivered.Count % eventsPerTurn == 0), $"{delivered.Count} events (turns of {eventsPerTurn}) after asking at {actAt}");
        }
        else if (expectedStatus == RunStatus.Cancelled)
        {
            var undelivered = run.GetProgress().UndeliveredEvents;
            var kept = delivered.Concat(undelivered).ToList();
            Check(kept.SequenceEqual(Enumerable.Range(0, kept.Count)), $"delivered + undelivered is not the produced prefix: {string.Join(",", kept)}");
        }

        await run.DisposeAsync();
    }

    private static void Check(bool condition, string message)
    {
        if (!condition)
        {
            throw new InvalidOperationException(message);
        }
    }
}

/// <summary>The stress test loads the thread pool: run it alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class StressCollection
{
    public const string Name = "Stress";
}
