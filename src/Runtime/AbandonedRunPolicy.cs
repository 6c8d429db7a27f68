namespace CancelGen;

/// <summary>
/// What happens to a run whose handle is dropped while the run is still going: no reference to the
/// <see cref="RunResultStreaming{TEvent}"/> is left and it was never disposed or cancelled, so nothing can
/// stop the run any more. The garbage collector finds such a handle; the run is then treated as this
/// policy says. Set it with <see cref="RunOptions.AbandonedRunPolicy"/>.
/// </summary>
public enum AbandonedRunPolicy
{
    /// <summary>
    /// The default: the run is cancelled like <see cref="CancelMode.Immediate"/> (its token and every tracked
    /// task) and the abandonment is reported (see <see cref="ReportOnly"/>).
    /// </summary>
    CancelAndReport = 0,

    /// <summary>
    /// The run goes on; the abandonment is only reported: an <see cref="System.Diagnostics.ActivityEvent"/>
    /// named <see cref="CancelGenTelemetry.RunAbandonedEvent"/> on the run's span, the counter
    /// <see cref="CancelGenTelemetry.RunsAbandoned"/> and a warning event of the
    /// <see cref="CancelGenTelemetry.EventSourceName"/> event source.
    /// </summary>
    ReportOnly = 1,
}
