using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using CancelGen;

namespace CancelGen.Runtime.Tests;

[Collection(TelemetryCollection.Name)]
public class TelemetryTests
{
    [Fact]
    public async Task Each_run_reports_a_span_with_its_status_turns_and_cancel_mode()
    {
        var stopped = new ConcurrentQueue<Activity>();
        using var listener = ListenToRunSpans(stopped);
        var name = $"span-{Guid.NewGuid():N}";
        var started = TestSupport.NewGate();
        Activity? insideRun = null;

        await using var run = RunResultStreaming.Start<int>(
            async (ctx, ct) =>
            {
                insideRun = Activity.Current;
                await ctx.EndTurnAsync();
                started.SetResult();
                await TestSupport.UntilCancelled(ct);
            },
            new RunOptions { Name = name });
        await started.Task.Bounded();
        Assert.Null(Activity.Current);
        await run.CancelAsync().Bounded();

        var span = Assert.Single(stopped, a => (string?)a.GetTagItem(CancelGenTelemetry.RunNameTag) == name);
        Assert.Equal(CancelGenTelemetry.RunActivityName, span.OperationName);
        Assert.Same(span, insideRun);
        Assert.Equal("Cancelled", span.GetTagItem(CancelGenTelemetry.RunStatusTag));
        Assert.Equal(2, span.GetTagItem(CancelGenTelemetry.RunTurnsTag));
        Assert.Equal("Immediate", span.GetTagItem(CancelGenTelemetry.CancelModeTag));
    }

    [Fact]
    public async Task A_faulted_run_marks_its_span_as_an_error()
    {
        var stopped = new ConcurrentQueue<Activity>();
        using var listener = ListenToRunSpans(stopped);
        var name = $"fault-{Guid.NewGuid():N}";

        await using var run = RunResultStreaming.Start<int>((RunContext<int> ctx, CancellationToken ct) => throw new PlannedFailureException("boom"), new RunOptions { Name = name });
        await Assert.ThrowsAsync<PlannedFailureException>(() => run.Completion).Bounded();

        var span = Assert.Single(stopped, a => (string?)a.GetTagItem(CancelGenTelemetry.RunNameTag) == name);
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal("Faulted", span.GetTagItem(CancelGenTelemetry.RunStatusTag));
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

    [Fact]
    public async Task Meter_instruments_count_runs_tasks_and_cancel_duration()
    {
        var name = $"meter-{Guid.NewGuid():N}";
        var totals = new ConcurrentDictionary<string, double>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == CancelGenTelemetry.MeterName)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Add(instrument, value, tags));
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Add(instrument, value >= 0 ? 1 : 0, tags));
        listener.Start();

        var options = new RunOptions { Name = name };
        await using (var completed = RunResultStreaming.Start<int>(async (ctx, ct) => await ctx.Run(_ => Task.CompletedTask), options))
        {
            await completed.Completion.Bounded();
        }

        var started = TestSupport.NewGate();
        await using (var cancelled = RunResultStreaming.Start<int>(async (ctx, ct) => { started.SetResult(); await TestSupport.UntilCancelled(ct); }, options))
        {
            await started.Task.Bounded();
            await cancelled.CancelAsync().Bounded();
        }

        await using (var faulted = RunResultStreaming.Start<int>((RunContext<int> ctx, CancellationToken ct) => throw new PlannedFailureException("x"), options))
        {
            await Assert.ThrowsAsync<PlannedFailureException>(() => faulted.Completion).Bounded();
        }

        Assert.Equal(3, totals.GetValueOrDefault(CancelGenTelemetry.RunsStarted));
        Assert.Equal(1, totals.GetValueOrDefault(CancelGenTelemetry.RunsCompleted));
        Assert.Equal(1, totals.GetValueOrDefault(CancelGenTelemetry.RunsCancelled));
        Assert.Equal(1, totals.GetValueOrDefault(CancelGenTelemetry.RunsFaulted));
        Assert.Equal(0, totals.GetValueOrDefault(CancelGenTelemetry.RunsActive));
        Assert.Equal(1, totals.GetValueOrDefault(CancelGenTelemetry.CancelDuration));

        void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            foreach (var tag in tags)
            {
                if (tag.Key == CancelGenTelemetry.RunNameTag && (string?)tag.Value == name)
                {
                    totals.AddOrUpdate(instrument.Name, value, (_, v) => v + value);
                }
            }
        }
    }

    [Fact]
    public async Task Tracked_tasks_are_counted()
    {
        long started = 0;
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == CancelGenTelemetry.MeterName && instrument.Name == CancelGenTelemetry.TrackedTasksStarted)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref started, value));
        listener.Start();

        await using var run = RunResultStreaming.Start<int>(async (ctx, ct) =>
        {
            await Task.WhenAll(ctx.Run(_ => Task.CompletedTask), ctx.Track(Task.CompletedTask));
        });
        await run.Completion.Bounded();

        Assert.True(Interlocked.Read(ref started) >= 2);
    }
}

/// <summary>Listener tests observe process-wide instruments: run them one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryCollection
{
    public const string Name = "Telemetry";
}
