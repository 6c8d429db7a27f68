using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace CancelGen.Chaos.Tests.Harness;

/// <summary>Sums CancelGen's up-down counters (runs and tracked tasks active or stopping) while it listens: all must be back to zero once every run has ended.</summary>
internal sealed class LiveGauges : IDisposable
{
    private static readonly string[] Watched =
    [
        CancelGenTelemetry.RunsActive,
        CancelGenTelemetry.RunsStopping,
        CancelGenTelemetry.TrackedTasksActive,
        CancelGenTelemetry.TrackedTasksStopping,
    ];

    private readonly ConcurrentDictionary<string, long> _totals = new();
    private readonly MeterListener _listener;

    public LiveGauges()
    {
        _listener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == CancelGenTelemetry.MeterName && Watched.Contains(instrument.Name))
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => _totals.AddOrUpdate(instrument.Name, value, (_, total) => total + value));
        _listener.Start();
    }

    /// <summary>The counters whose sum is not zero, as "name=value".</summary>
    public IReadOnlyList<string> Unbalanced() =>
        [.. _totals.Where(total => total.Value != 0).Select(total => $"{total.Key}={total.Value}")];

    public void Dispose() => _listener.Dispose();
}
