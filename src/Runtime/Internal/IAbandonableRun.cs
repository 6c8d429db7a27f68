namespace CancelGen.Internal;

/// <summary>A run that can be told that its handle was dropped while it was still going.</summary>
internal interface IAbandonableRun
{
    /// <summary>Applies the run's <see cref="AbandonedRunPolicy"/>. Called once, on the thread pool.</summary>
    void OnAbandoned();
}
