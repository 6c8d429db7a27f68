using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Diagnostics.Tracing;
using CancelGen;

namespace CancelGen.Runtime.Tests;

/// <summary>
/// Listens to the three channels an abandoned run is reported on (the counter, the event source, the run's
/// span) and hands each report over per run name, so that tests can wait for one run's report.
/// </summary>
internal sealed class AbandonmentReports : IDisposable
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<CounterReport>> _counted = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<TraceReport>> _traced = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<ActivityEvent>> _spanEvents = new();
    private readonly ConcurrentDictionary<string, int> _reportCounts = new();
    private readonly MeterListener _meter = new();
    private readonly AbandonEventListener _events;
    private readonly ActivityListener _spans;

    public AbandonmentReports()
    {
        _meter.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == CancelGenTelemetry.MeterName && instrument.Name == CancelGenTelemetry.RunsAbandoned)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _meter.SetMeasurementEventCallback<long>((_, value, tags, _) => OnCounted(value, tags));
        _meter.Start();

        _events = new AbandonEventListener(OnTraced);

        _spans = new ActivityListener
        {
            ShouldListenTo = source => source.Name == CancelGenTelemetry.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = OnSpanStopped,
        };
        ActivitySource.AddActivityListener(_spans);
    }

    /// <summary>The counter's measurement for the run named <paramref name="name"/>.</summary>
    public Task<CounterReport> Counted(string name) => Gate(_counted, name).Task;

    /// <summary>The event source's event for the run named (or described as) <paramref name="name"/>.</summary>
    public Task<TraceReport> Traced(string name) => Gate(_traced, name).Task;

    /// <summary>The abandonment event on the span of the run named <paramref name="name"/> (seen when the span stops).</summary>
    public Task<ActivityEvent> SpanEvent(string name) => Gate(_spanEvents, name).Task;

    /// <summary>How many reports (on any channel) named <paramref name="name"/>.</summary>
    public int ReportsFor(string name) => _reportCounts.GetValueOrDefault(name);

    public void Dispose()
    {
        _meter.Dispose();
        _events.Dispose();
        _spans.Dispose();
    }

    private static TaskCompletionSource<T> Gate<T>(ConcurrentDictionary<string, TaskCompletionSource<T>> gates, string name) =>
        gates.GetOrAdd(name, static _ => new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously));

    private void Seen(string name) => _reportCounts.AddOrUpdate(name, 1, static (_, count) => count + 1);

    private void OnCounted(long value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        string? name = null;
        string? policy = null;
        foreach (var tag in tags)
        {
            if (tag.Key == CancelGenTelemetry.RunNameTag)
            {
                name = (string?)tag.Value;
            }
            else if (tag.Key == CancelGenTelemetry.AbandonedRunPolicyTag)
            {
                policy = (string?)tag.Value;
            }
        }

        if (name is not null)
        {
            Seen(name);
            Gate(_counted, name).TrySetResult(new CounterReport(value, policy));
        }
    }

    private void OnTraced(TraceReport report)
    {
        Seen(report.Run);
        Gate(_traced, report.Run).TrySetResult(report);
    }

    private void OnSpanStopped(Activity span)
    {
        if (span.GetTagItem(CancelGenTelemetry.RunNameTag) is not string name)
        {
            return;
        }

        foreach (var e in span.Events)
        {
            if (e.Name == CancelGenTelemetry.RunAbandonedEvent)
            {
                Seen(name);
                Gate(_spanEvents, name).TrySetResult(e);
            }
        }
    }

    /// <summary>One measurement of <see cref="CancelGenTelemetry.RunsAbandoned"/>.</summary>
    public sealed record CounterReport(long Value, string? Policy);

    /// <summary>One <c>RunAbandoned</c> event of the <see cref="CancelGenTelemetry.EventSourceName"/> event source.</summary>
    public sealed record TraceReport(string Run, string Policy, string StartedAt, EventLevel Level);

    private sealed class AbandonEventListener(Action<TraceReport> onRunAbandoned) : EventListener
    {
        protected override void OnEventSourceCreated(EventSource eventSource)
        {
            if (eventSource.Name == CancelGenTelemetry.EventSourceName)
            {
                EnableEvents(eventSource, EventLevel.Warning);
            }
        }

        protected override void OnEventWritten(EventWrittenEventArgs eventData)
        {
            if (eventData.EventName != "RunAbandoned" || eventData.Payload is not { Count: 3 } payload)
            {
                return;
            }

            onRunAbandoned(new TraceReport((string)payload[0]!, (string)payload[1]!, (string)payload[2]!, eventData.Level));
        }
    }
}
