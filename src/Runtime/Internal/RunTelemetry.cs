using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace CancelGen.Internal;

/// <summary>The run span and the meter instruments named in <see cref="CancelGenTelemetry"/>.</summary>
internal static class RunTelemetry
{
    private static readonly string Version = typeof(RunTelemetry).Assembly.GetName().Version?.ToString() ?? "0.0.0";
    private static readonly ActivitySource Source = new(CancelGenTelemetry.ActivitySourceName, Version);
    private static readonly Meter Meter = new(CancelGenTelemetry.MeterName, Version);

    private static readonly Counter<long> Started = Meter.CreateCounter<long>(CancelGenTelemetry.RunsStarted, "{run}", "Runs started.");
    private static readonly Counter<long> Completed = Meter.CreateCounter<long>(CancelGenTelemetry.RunsCompleted, "{run}", "Runs that completed.");
    private static readonly Counter<long> Cancelled = Meter.CreateCounter<long>(CancelGenTelemetry.RunsCancelled, "{run}", "Runs that were cancelled.");
    private static readonly Counter<long> Faulted = Meter.CreateCounter<long>(CancelGenTelemetry.RunsFaulted, "{run}", "Runs that faulted.");
    private static readonly UpDownCounter<long> Active = Meter.CreateUpDownCounter<long>(CancelGenTelemetry.RunsActive, "{run}", "Runs not yet ended.");
    private static readonly Counter<long> TasksStarted = Meter.CreateCounter<long>(CancelGenTelemetry.TrackedTasksStarted, "{task}", "Tasks tracked by runs.");
    private static readonly UpDownCounter<long> TasksActive = Meter.CreateUpDownCounter<long>(CancelGenTelemetry.TrackedTasksActive, "{task}", "Tracked tasks not yet ended.");
    private static readonly Counter<long> Abandoned = Meter.CreateCounter<long>(CancelGenTelemetry.RunsAbandoned, "{run}", "Runs whose handle was garbage collected while they were still going.");
    private static readonly UpDownCounter<long> Stopping = Meter.CreateUpDownCounter<long>(CancelGenTelemetry.RunsStopping, "{run}", "Runs whose stop was decided and whose code or tracked tasks have not ended yet.");
    private static readonly UpDownCounter<long> TasksStopping = Meter.CreateUpDownCounter<long>(CancelGenTelemetry.TrackedTasksStopping, "{task}", "Tracked tasks asked to cancel that have not ended yet.");
    private static readonly Histogram<double> CancelDuration = Meter.CreateHistogram<double>(CancelGenTelemetry.CancelDuration, "ms", "From a cancel request to the end of the run's last tracked task.");

    /// <summary>Opens the run's span (when anyone listens) without making it the caller's current activity.</summary>
    public static Activity? StartRun(string? name)
    {
        var tag = new KeyValuePair<string, object?>(CancelGenTelemetry.RunNameTag, name);
        Started.Add(1, tag);
        Active.Add(1, tag);
        if (!Source.HasListeners())
        {
            return null;
        }

        var previous = Activity.Current;
        var activity = Source.StartActivity(CancelGenTelemetry.RunActivityName, ActivityKind.Internal);
        activity?.SetTag(CancelGenTelemetry.RunNameTag, name);
        Activity.Current = previous;
        return activity;
    }

    public static void TaskStarted()
    {
        TasksStarted.Add(1);
        TasksActive.Add(1);
    }

    public static void TaskEnded() => TasksActive.Add(-1);

    /// <summary>Reports an abandoned run on all three channels: the counter, the run's span and the event source.</summary>
    public static void RunAbandoned(Activity? activity, RunAbandonReport report)
    {
        var policy = report.Policy.ToString();
        Abandoned.Add(1,
            new KeyValuePair<string, object?>(CancelGenTelemetry.RunNameTag, report.Name),
            new KeyValuePair<string, object?>(CancelGenTelemetry.AbandonedRunPolicyTag, policy));
        if (activity is not null)
        {
            var tags = new ActivityTagsCollection { [CancelGenTelemetry.AbandonedRunPolicyTag] = policy };
            if (report.StartedAt is { } startedAt)
            {
                tags[CancelGenTelemetry.RunStartedAtTag] = startedAt;
            }

            activity.AddEvent(new ActivityEvent(CancelGenTelemetry.RunAbandonedEvent, tags: tags));
        }

        CancelGenEventSource.Log.RunAbandoned(report.Description, policy, report.StartedAt ?? string.Empty);
    }

    /// <summary>A tracked task was asked to cancel and has not ended yet.</summary>
    public static void TaskStopping(string? runName) =>
        TasksStopping.Add(1, new KeyValuePair<string, object?>(CancelGenTelemetry.RunNameTag, runName));

    /// <summary>A tracked task counted by <see cref="TaskStopping"/> has ended.</summary>
    public static void TaskStopped(string? runName) =>
        TasksStopping.Add(-1, new KeyValuePair<string, object?>(CancelGenTelemetry.RunNameTag, runName));

    /// <summary>A run's stop was decided while its code or tasks still run: counts it and adds the stopping event naming the live tasks.</summary>
    public static void RunStopping(Activity? activity, string? name, RunStatus status, CancelMode? mode, string[] liveTasks)
    {
        Stopping.Add(1, new KeyValuePair<string, object?>(CancelGenTelemetry.RunNameTag, name));
        if (activity is null)
        {
            return;
        }

        var tags = new ActivityTagsCollection
        {
            [CancelGenTelemetry.RunStatusTag] = status.ToString(),
            [CancelGenTelemetry.LiveTasksTag] = liveTasks,
        };
        if (mode is not null)
        {
            tags[CancelGenTelemetry.CancelModeTag] = mode.ToString();
        }

        activity.AddEvent(new ActivityEvent(CancelGenTelemetry.RunStoppingEventName, tags: tags));
    }

    /// <summary>A run counted by <see cref="RunStopping"/> has ended.</summary>
    public static void RunStopped(string? name) =>
        Stopping.Add(-1, new KeyValuePair<string, object?>(CancelGenTelemetry.RunNameTag, name));

    public static void RunEnded(Activity? activity, RunEndReport report)
    {
        var nameTag = new KeyValuePair<string, object?>(CancelGenTelemetry.RunNameTag, report.Name);
        Active.Add(-1, nameTag);
        var counter = report.Status switch
        {
            RunStatus.Completed => Completed,
            RunStatus.Cancelled => Cancelled,
            _ => Faulted,
        };
        counter.Add(1, nameTag);

        string? mode = report.CancelMode?.ToString();
        if (report.CancelRequestedTimestamp is long requestedAt)
        {
            var elapsedMs = (Stopwatch.GetTimestamp() - requestedAt) * 1000.0 / Stopwatch.Frequency;
            CancelDuration.Record(elapsedMs, nameTag, new KeyValuePair<string, object?>(CancelGenTelemetry.CancelModeTag, mode));
        }

        if (activity is null)
        {
            return;
        }

        activity.SetTag(CancelGenTelemetry.RunStatusTag, report.Status.ToString());
        activity.SetTag(CancelGenTelemetry.RunTurnsTag, report.Turns);
        activity.SetTag(CancelGenTelemetry.TrackedTasksTag, report.TrackedTasks);
        if (mode is not null)
        {
            activity.SetTag(CancelGenTelemetry.CancelModeTag, mode);
        }

        if (report.Fault is { } fault)
        {
            activity.SetStatus(ActivityStatusCode.Error, fault.Message);
            activity.AddEvent(new ActivityEvent("exception", tags: new ActivityTagsCollection
            {
                ["exception.type"] = fault.GetType().FullName,
                ["exception.message"] = fault.Message,
            }));
        }

        activity.Stop();
    }
}

/// <summary>What a run reports when it ends.</summary>
internal readonly record struct RunEndReport(
    string? Name,
    RunStatus Status,
    int Turns,
    long TrackedTasks,
    CancelMode? CancelMode,
    long? CancelRequestedTimestamp,
    Exception? Fault);

/// <summary>What a run reports when its handle was found abandoned.</summary>
/// <param name="Name">The run's <see cref="RunOptions.Name"/>, or <see langword="null"/>.</param>
/// <param name="Description">The name, or a description of an unnamed run, for the trace.</param>
/// <param name="Policy">The policy applied.</param>
/// <param name="StartedAt">Where a named run was started; <see langword="null"/> for an unnamed run.</param>
internal readonly record struct RunAbandonReport(
    string? Name,
    string Description,
    AbandonedRunPolicy Policy,
    string? StartedAt);
