namespace CancelGen;

/// <summary>How a run stops when it is cancelled.</summary>
public enum CancelMode
{
    /// <summary>
    /// Stop now: the run's token and every tracked task are cancelled, events not yet delivered are
    /// dropped (and kept in <see cref="RunProgress{TEvent}.UndeliveredEvents"/>).
    /// </summary>
    Immediate = 0,

    /// <summary>
    /// Let the turn in progress finish (its events are delivered, the tracked tasks it started
    /// finish), then stop at the next <see cref="RunContext.EndTurnAsync"/>.
    /// </summary>
    AfterTurn = 1,
}
