namespace CancelGen;

/// <summary>What happens to a run when a reader of its event stream closes the connection before the run ended.</summary>
public enum DisconnectPolicy
{
    /// <summary>
    /// The reader only detaches: the run goes on and a reader may come back with <c>Last-Event-ID</c>. A run that
    /// nobody reads for <see cref="StreamingRunsOptions.DetachedRunTimeout"/> is cancelled.
    /// </summary>
    Detach = 0,

    /// <summary>The run is cancelled (<see cref="CancelMode.Immediate"/>) as soon as a reader disconnects before its end.</summary>
    Cancel = 1,
}
