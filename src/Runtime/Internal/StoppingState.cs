namespace CancelGen.Internal;

/// <summary>
/// Whether a run or a tracked task has been counted as stopping (<see cref="CancelGenTelemetry.RunsStopping"/>,
/// <see cref="CancelGenTelemetry.TrackedTasksStopping"/>): exchanged atomically so that a stop racing with the end is
/// counted up and down exactly once, or not at all.
/// </summary>
internal static class StoppingState
{
    /// <summary>Not counted; still going.</summary>
    public const int None = 0;

    /// <summary>Counted as stopping; the end must count it down.</summary>
    public const int Reported = 1;

    /// <summary>Ended; a later stop is not counted.</summary>
    public const int Ended = 2;
}
