namespace CancelGen;

/// <summary>
/// What a run leaves behind for a caller that wants to store a partial result and start again from it:
/// the last progress the run's code saved and the events it produced.
/// </summary>
/// <typeparam name="TEvent">The run's event type.</typeparam>
public sealed class RunProgress<TEvent>
{
    internal RunProgress(object? savedState, int turn, RunStatus status,
        IReadOnlyList<TEvent> undeliveredEvents, IReadOnlyList<TEvent> recordedEvents)
    {
        SavedState = savedState;
        Turn = turn;
        Status = status;
        UndeliveredEvents = undeliveredEvents;
        RecordedEvents = recordedEvents;
    }

    /// <summary>The last value passed to <see cref="RunContext.SaveProgress(object?)"/>, or <see langword="null"/>.</summary>
    public object? SavedState { get; }

    /// <summary>The turn the run was in (see <see cref="RunResultStreaming{TEvent}.CurrentTurn"/>).</summary>
    public int Turn { get; }

    /// <summary>The run's status when the snapshot was taken.</summary>
    public RunStatus Status { get; }

    /// <summary>
    /// Events produced but never delivered because an immediate cancel or a dispose stopped delivery,
    /// in production order. Empty while events are still deliverable.
    /// </summary>
    public IReadOnlyList<TEvent> UndeliveredEvents { get; }

    /// <summary>
    /// Events produced, delivered or not, as chosen by <see cref="RunOptions.EventHistory"/>:
    /// the current turn's, all of them, or none.
    /// </summary>
    public IReadOnlyList<TEvent> RecordedEvents { get; }
}
