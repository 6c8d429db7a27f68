namespace CancelGen;

/// <summary>Which produced events a run keeps for <see cref="RunResultStreaming{TEvent}.GetProgress"/>.</summary>
public enum EventHistory
{
    /// <summary>Keep nothing beyond the events an immediate cancel dropped (the default: no cost per event).</summary>
    None = 0,

    /// <summary>Keep every event produced since the last turn boundary: the partial turn, delivered or not.</summary>
    CurrentTurn = 1,

    /// <summary>Keep every event the run produced, delivered or not.</summary>
    All = 2,
}
