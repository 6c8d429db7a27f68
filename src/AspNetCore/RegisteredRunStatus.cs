namespace CancelGen;

/// <summary>The status of a run held by an <see cref="IRunRegistry"/>, as the HTTP endpoints report it.</summary>
public enum RegisteredRunStatus
{
    /// <summary>The run is going (<c>running</c>).</summary>
    Running = 0,

    /// <summary>The run completed (<c>completed</c>).</summary>
    Completed = 1,

    /// <summary>The run was cancelled (<c>cancelled</c>).</summary>
    Cancelled = 2,

    /// <summary>The run failed (<c>faulted</c>).</summary>
    Faulted = 3,

    /// <summary>The process that ran the run went away; nothing more will be known of it (<c>lost</c>, cluster registries only).</summary>
    Lost = 4,
}
