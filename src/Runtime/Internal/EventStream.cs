namespace CancelGen.Internal;

/// <summary>What <c>StreamEvents()</c> returns: each enumeration claims the run's one consumer slot.</summary>
internal sealed class EventStream<TEvent> : IAsyncEnumerable<TEvent>
{
    private readonly RunCore<TEvent> _run;
    private readonly object _handle;
    private readonly CancellationToken _cancellationToken;

    /// <param name="run">The run whose events are read.</param>
    /// <param name="handle">The run's handle: the stream and its consumers keep it reachable, so a run whose events are being read is never taken for abandoned.</param>
    /// <param name="cancellationToken">The token given to <c>StreamEvents</c>.</param>
    public EventStream(RunCore<TEvent> run, object handle, CancellationToken cancellationToken)
    {
        _run = run;
        _handle = handle;
        _cancellationToken = cancellationToken;
    }

    public IAsyncEnumerator<TEvent> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        _run.Buffer.ClaimConsumer(_run.Description);
        return new EventConsumer<TEvent>(_run, _handle, _cancellationToken, cancellationToken);
    }
}
