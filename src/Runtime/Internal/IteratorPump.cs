namespace CancelGen.Internal;

/// <summary>Runs an iterator-form run: pulls its events into the run's buffer, holding between events while paused.</summary>
internal static class IteratorPump
{
    public static async Task PumpAsync<TEvent>(RunCore<TEvent> run, Func<RunContext, CancellationToken, IAsyncEnumerable<TEvent>> iterator)
    {
        var token = run.CancellationToken;
        var events = iterator(run, token)
            ?? throw new InvalidOperationException($"{run.Description}'s delegate returned null instead of an IAsyncEnumerable<{typeof(TEvent).Name}>.");
        var enumerator = events.GetAsyncEnumerator(token);
        try
        {
            while (true)
            {
                await run.WaitWhilePausedAsync().ConfigureAwait(false);
                if (!await enumerator.MoveNextAsync().ConfigureAwait(false))
                {
                    return;
                }

                await run.Buffer.WriteAsync(enumerator.Current, token).ConfigureAwait(false);
            }
        }
        finally
        {
            await enumerator.DisposeAsync().ConfigureAwait(false);
        }
    }
}
