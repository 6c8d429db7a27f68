using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using CancelGen;

namespace CancelGen.Runtime.Tests;

/// <summary>
/// A run whose code ignores cancellation: <c>Cancel</c> returns at once, <c>TrackedTasks</c> names the stuck work,
/// <c>Completion</c> waits for it, and telemetry shows the run and its tasks as stopping until they end.
/// </summary>
[Collection(TelemetryCollection.Name)]
public class StuckRunTelemetryTests
{
    [Fact]
    public async Task A_run_ignoring_cancellation_is_shown_stopping_with_its_stuck_task_until_it_ends()
    {
        var name = $"stuck-{Guid.NewGuid():N}";
        using var gauges = new StoppingGauges(name);
        var spans = new ConcurrentQueue<Activity>();
        using var spanListener = ListenToRunSpans(spans);
        var release = TestSupport.NewGate();
        var toolStarted = TestSupport.NewGate();
        var codeStarted = TestSupport.NewGate();
        var run = RunResultStreaming.Start<int>(
            async (ctx, ct) =>
            {
                _ = ctx.Run(async _ =>
                {
                    toolStarted.SetResult();
                    await release.Task; // ignores its token
                }, "stuck-tool");
                codeStarted.SetResult();
                await release.Task; // the run's own code ignores its token too
            },
            new RunOptions { Name = name });
        await Task.WhenAll(toolStarted.Task, codeStarted.Task).Bounded();

        var cancel = Stopwatch.StartNew();
        run.Cancel();
        cancel.Stop();

        Assert.True(cancel.Elapsed < TestSupport.HangGuard, "Cancel waited for the run");
        Assert.Equal(RunStatus.Cancelled, run.Status);
        Assert.False(run.Completion.IsCompleted);
        var stuck = Assert.Single(run.TrackedTasks);
        Assert.Equal("stuck-tool", stuck.Name);
        Assert.Equal(TrackedTaskStatus.CancellationRequested, stuck.Status);
        Assert.Equal(1, gauges.RunsStopping);
        Assert.Equal(1, gauges.TasksStopping);

        release.SetResult();
        await run.Completion.Bounded();

        Assert.Equal(0, gauges.RunsStopping);
        Assert.Equal(0, gauges.TasksStopping);
        var span = Assert.Single(spans, a => (string?)a.GetTagItem(CancelGenTelemetry.RunNameTag) == name);
        var stopping = Assert.Single(span.Events, e => e.Name == CancelGenTelemetry.RunStoppingEventName);
        var tags = stopping.Tags.ToDictionary(t => t.Key, t => t.Value);
        Assert.Equal(["stuck-tool"], Assert.IsType<string[]>(tags[CancelGenTelemetry.LiveTasksTag]));
        Assert.Equal("Cancelled", tags[CancelGenTelemetry.RunStatusTag]);
        Assert.Equal("Immediate", tags[CancelGenTelemetry.CancelModeTag]);
    }

    [Fact]
    public async Task The_stopping_counters_are_back_to_zero_once_a_cancelled_run_has_ended()
    {
        var name = $"prompt-{Guid.NewGuid():N}";
        using var gauges = new StoppingGauges(name);
        var spans = new ConcurrentQueue<Activity>();
        using var spanListener = ListenToRunSpans(spans);
        var started = TestSupport.NewGate();
        var run = RunResultStreaming.Start<int>(
            async (ctx, ct) =>
            {
                _ = ctx.Run(TestSupport.UntilCancelled, "prompt-tool");
                started.SetResult();
                await TestSupport.UntilCancelled(ct);
            },
            new RunOptions { Name = name });
        await started.Task.Bounded();

        await run.CancelAsync().Bounded();

        Assert.Equal(0, gauges.RunsStopping);
        Assert.Equal(0, gauges.TasksStopping);
        var span = Assert.Single(spans, a => (string?)a.GetTagItem(CancelGenTelemetry.RunNameTag) == name);
        Assert.Equal("Cancelled", span.GetTagItem(CancelGenTelemetry.RunStatusTag));
    }

    [Fact]
    public async Task A_faulted_run_whose_other_task_ignores_cancellation_is_shown_stopping_with_that_task()
    {
        var name = $"fault-stuck-{Guid.NewGuid():N}";
        using var gauges = new StoppingGauges(name);
        var release = TestSupport.NewGate();
        var stuckStarted = TestSupport.NewGate();
        var run = RunResultStreaming.Start<int>(
            async (ctx, ct) =>
            {
                _ = ctx.Run(async _ =>
                {
                    stuckStarted.SetResult();
                    await release.Task;
                }, "stuck-tool");
                await stuckStarted.Task;
                _ = ctx.Run(_ => Task.FromException(new PlannedFailureException("tool failed")), "failing-tool");
                await TestSupport.UntilCancelled(ct);
            },
            new RunOptions { Name = name });

        await WaitUntil(() => run.Status == RunStatus.Faulted);
        Assert.Equal("stuck-tool", Assert.Single(run.TrackedTasks).Name);
        Assert.Equal(1, gauges.RunsStopping);
        Assert.Equal(1, gauges.TasksStopping);
        Assert.False(run.Completion.IsCompleted);

        release.SetResult();
        await Assert.ThrowsAsync<PlannedFailureException>(() => run.Completion).Bounded();
        Assert.Equal(0, gauges.RunsStopping);
        Assert.Equal(0, gauges.TasksStopping);
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(deadline.Elapsed < TestSupport.HangGuard, "the condition never held");
            await Task.Delay(1);
        }
    }

    private static ActivityListener ListenToRunSpans(ConcurrentQueue<Activity> stopped)
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == CancelGenTelemetry.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }

    /// <summary>Sums the stopping up-down counters for one run name.</summary>
    private sealed class StoppingGauges : IDisposable
    {
        private readonly MeterListener _listener;
        private long _runs;
        private long _tasks;

        public StoppingGauges(string runName)
        {
            _listener = new MeterListener
            {
                InstrumentPublished = (instrument, l) =>
                {
                    if (instrument.Meter.Name == CancelGenTelemetry.MeterName &&
                        instrument.Name is CancelGenTelemetry.RunsStopping or CancelGenTelemetry.TrackedTasksStopping)
                    {
                        l.EnableMeasurementEvents(instrument);
                    }
                },
            };
            _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
            {
                foreach (var tag in tags)
                {
                    if (tag.Key == CancelGenTelemetry.RunNameTag && (string?)tag.Value == runName)
                    {
                        if (instrument.Name == CancelGenTelemetry.RunsStopping)
                        {
                            Interlocked.Add(ref _runs, value);
                        }
                        else
                        {
                            Interlocked.Add(ref _tasks, value);
                        }
                    }
                }
            });
            _listener.Start();
        }

        public long RunsStopping => Interlocked.Read(ref _runs);

        public long TasksStopping => Interlocked.Read(ref _tasks);

        public void Dispose() => _listener.Dispose();
    }
}
