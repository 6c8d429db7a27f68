namespace CancelGen.Internal;

/// <summary>What <c>StreamEvents()</c> returns: each enumeration claims the run's one consumer slot.</summary>
internal sealed class EventStream<TEvent> : IAsyncEnumerable<TEvent>
{
    private readonly RunCore<TEvent> _run;
    private readonly CancellationToken _cancellationToken;

    public EventStream(RunCore<TEvent> run, CancellationToken cancellationToken)
    {
        _run = run;
        _cancellationToken = cancellationToken;
    }

    public IAsyncEnumerator<TEvent> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        _run.Buffer.ClaimConsumer(_run.Description);
        return new EventConsumer<TEvent>(_run.Buffer, _run.MarkFaultObserved, _cancellationToken, cancellationToken);
    }
}
