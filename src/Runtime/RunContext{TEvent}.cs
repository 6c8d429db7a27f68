namespace CancelGen;

/// <summary>The context of a run whose code pushes its events: adds <see cref="EmitAsync"/> to <see cref="RunContext"/>.</summary>
/// <typeparam name="TEvent">The run's event type.</typeparam>
public abstract class RunContext<TEvent> : RunContext
{
    private protected RunContext()
    {
    }

    /// <summary>
    /// Sends one event to the run's consumer. Returns at once while the buffer has room; with a
    /// bounded buffer, waits for the consumer when it is full; while the run is paused, waits for
    /// <see cref="RunResultStreaming{TEvent}.Resume"/>. May be called from tracked tasks concurrently.
    /// </summary>
    /// <param name="item">The event.</param>
    /// <returns>A task that completes when the event is buffered.</returns>
    /// <exception cref="OperationCanceledException">The run was cancelled or faulted.</exception>
    /// <exception cref="InvalidOperationException">The run has already ended.</exception>
    public abstract ValueTask EmitAsync(TEvent item);
}
