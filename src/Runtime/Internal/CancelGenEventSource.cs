using System.Diagnostics.Tracing;

namespace CancelGen.Internal;

/// <summary>The library's <see cref="EventSource"/> (<see cref="CancelGenTelemetry.EventSourceName"/>): traces what nobody else would see.</summary>
[EventSource(Name = CancelGenTelemetry.EventSourceName)]
internal sealed class CancelGenEventSource : EventSource
{
    public const int RunAbandonedEventId = 1;

    public static readonly CancelGenEventSource Log = new();

    private CancelGenEventSource()
    {
    }

    /// <summary>A run's handle was garbage collected while the run was still going.</summary>
    /// <param name="run">The run's name, or a description of an unnamed run.</param>
    /// <param name="policy">The <see cref="AbandonedRunPolicy"/> applied.</param>
    /// <param name="startedAt">Where a named run was started; empty for an unnamed run.</param>
    [Event(RunAbandonedEventId, Level = EventLevel.Warning,
        Message = "{0} was abandoned: its handle was garbage collected while the run was still going, never disposed or cancelled. Policy: {1}. Started at: {2}")]
    public void RunAbandoned(string run, string policy, string startedAt)
    {
        if (IsEnabled())
        {
            WriteEvent(RunAbandonedEventId, run, policy, startedAt);
        }
    }
}
