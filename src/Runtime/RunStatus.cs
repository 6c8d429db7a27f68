namespace CancelGen;

/// <summary>The state of a run.</summary>
public enum RunStatus
{
    /// <summary>The run is going (possibly paused, see <see cref="RunResultStreaming{TEvent}.IsPaused"/>).</summary>
    Running = 0,

    /// <summary>The run's code returned and every tracked task ended without failure or cancel.</summary>
    Completed = 1,

    /// <summary>The run was cancelled (immediately, at a turn boundary, or through its start token).</summary>
    Cancelled = 2,

    /// <summary>The run's code or one of its tracked tasks threw; the first exception is the run's fault.</summary>
    Faulted = 3,
}
