namespace CancelGen;

/// <summary>The state of a live tracked task.</summary>
public enum TrackedTaskStatus
{
    /// <summary>The task is running.</summary>
    Running = 0,

    /// <summary>The task was asked to stop (partial cancel or run cancel) and has not returned yet.</summary>
    CancellationRequested = 1,
}
