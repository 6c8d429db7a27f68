namespace CancelGen;

/// <summary>
/// The names under which runs report telemetry: one <see cref="System.Diagnostics.ActivitySource"/> span per
/// run and <see cref="System.Diagnostics.Metrics.Meter"/> instruments. Subscribe with these names
/// (for example OpenTelemetry's <c>AddSource(CancelGenTelemetry.ActivitySourceName)</c> and
/// <c>AddMeter(CancelGenTelemetry.MeterName)</c>).
/// </summary>
public static class CancelGenTelemetry
{
    /// <summary>The activity source's name.</summary>
    public const string ActivitySourceName = "CancelGen";

    /// <summary>The name of the span each run opens (from start to the end of its last tracked task).</summary>
    public const string RunActivityName = "cancelgen.run";

    /// <summary>The meter's name.</summary>
    public const string MeterName = "CancelGen";

    /// <summary>Counter: runs started.</summary>
    public const string RunsStarted = "cancelgen.runs.started";

    /// <summary>Counter: runs ended <see cref="RunStatus.Completed"/>.</summary>
    public const string RunsCompleted = "cancelgen.runs.completed";

    /// <summary>Counter: runs ended <see cref="RunStatus.Cancelled"/>.</summary>
    public const string RunsCancelled = "cancelgen.runs.cancelled";

    /// <summary>Counter: runs ended <see cref="RunStatus.Faulted"/>.</summary>
    public const string RunsFaulted = "cancelgen.runs.faulted";

    /// <summary>
    /// Counter: runs whose handle was garbage collected while the run was still going (never disposed or
    /// cancelled), tagged with <see cref="RunNameTag"/> and <see cref="AbandonedRunPolicyTag"/>.
    /// </summary>
    public const string RunsAbandoned = "cancelgen.runs.abandoned";

    /// <summary>Up-down counter: runs started and not yet ended.</summary>
    public const string RunsActive = "cancelgen.runs.active";

    /// <summary>Counter: tasks tracked by runs.</summary>
    public const string TrackedTasksStarted = "cancelgen.tracked_tasks.started";

    /// <summary>Up-down counter: tracked tasks that have not ended yet.</summary>
    public const string TrackedTasksActive = "cancelgen.tracked_tasks.active";

    /// <summary>
    /// Up-down counter: runs whose stop has been decided (cancelled or faulted) while their code or a tracked task
    /// was still going, and that have not ended yet. A value that stays up names runs whose code ignores cancellation.
    /// </summary>
    public const string RunsStopping = "cancelgen.runs.stopping";

    /// <summary>Up-down counter: tracked tasks asked to cancel (with their run or alone) that have not ended yet, tagged with <see cref="RunNameTag"/>.</summary>
    public const string TrackedTasksStopping = "cancelgen.tracked_tasks.stopping";

    /// <summary>
    /// The event added to a run's span when its stop is decided while its code or tracked tasks are still going;
    /// it carries <see cref="RunStatusTag"/>, <see cref="CancelModeTag"/> (for a cancel) and <see cref="LiveTasksTag"/>.
    /// </summary>
    public const string RunStoppingEventName = "cancelgen.run.stopping";

    /// <summary>Event attribute: the names of the tracked tasks still running when the run's stop was decided (a string array).</summary>
    public const string LiveTasksTag = "cancelgen.run.live_tasks";

    /// <summary>Histogram (milliseconds): from a cancel request to the end of the run's last tracked task.</summary>
    public const string CancelDuration = "cancelgen.cancel.duration";

    /// <summary>
    /// The name of the event added to an abandoned run's span (tags <see cref="AbandonedRunPolicyTag"/> and,
    /// for a named run, <see cref="RunStartedAtTag"/>).
    /// </summary>
    public const string RunAbandonedEvent = "cancelgen.run.abandoned";

    /// <summary>
    /// The name of the <see cref="System.Diagnostics.Tracing.EventSource"/> that traces abandoned runs (event
    /// <c>RunAbandoned</c>, level Warning, payload <c>run</c>, <c>policy</c>, <c>startedAt</c>); listen with
    /// <c>dotnet-trace</c>, <c>dotnet-counters</c> or an <see cref="System.Diagnostics.Tracing.EventListener"/>.
    /// </summary>
    public const string EventSourceName = "CancelGen";

    /// <summary>Tag and span attribute: the run's <see cref="RunOptions.Name"/>.</summary>
    public const string RunNameTag = "cancelgen.run.name";

    /// <summary>Span attribute: the run's final <see cref="RunStatus"/>.</summary>
    public const string RunStatusTag = "cancelgen.run.status";

    /// <summary>Span attribute: the run's <see cref="RunResultStreaming{TEvent}.CurrentTurn"/> at its end.</summary>
    public const string RunTurnsTag = "cancelgen.run.turns";

    /// <summary>Span attribute and histogram tag: the <see cref="CancelMode"/> that stopped the run, when one did.</summary>
    public const string CancelModeTag = "cancelgen.run.cancel_mode";

    /// <summary>Span attribute: how many tasks the run tracked.</summary>
    public const string TrackedTasksTag = "cancelgen.run.tracked_tasks";

    /// <summary>Tag of <see cref="RunsAbandoned"/> and <see cref="RunAbandonedEvent"/>: the run's <see cref="AbandonedRunPolicy"/>.</summary>
    public const string AbandonedRunPolicyTag = "cancelgen.run.abandoned_policy";

    /// <summary>Tag of <see cref="RunAbandonedEvent"/>: where a named run was started (the caller's stack, without file names).</summary>
    public const string RunStartedAtTag = "cancelgen.run.started_at";
}
