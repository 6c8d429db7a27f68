namespace CancelGen.Chaos.Tests.Harness;

/// <summary>Reads a run's events the way a <see cref="ConsumerKind"/> does, appending them to one shared delivered list (one consumer at a time).</summary>
internal sealed class ChaosConsumer<TEvent>(RunResultStreaming<TEvent> run)
{
    private readonly List<TEvent> _delivered = [];
    private readonly List<Exception> _errors = [];

    /// <summary>Every event delivered to any consumer, in delivery order.</summary>
    public IReadOnlyList<TEvent> Delivered => _delivered;

    /// <summary>The exceptions the consumers' loops ended with.</summary>
    public IReadOnlyList<Exception> Errors => _errors;

    /// <summary>Whether some consumer read until the stream ended.</summary>
    public bool ReachedEnd { get; private set; }

    /// <summary>The first consumer, while the actions happen.</summary>
    public async Task ConsumeAsync(ConsumerKind kind, int leaveAfter)
    {
        switch (kind)
        {
            case ConsumerKind.Fast:
                await ReadAsync(int.MaxValue, slow: false);
                break;
            case ConsumerKind.Slow:
                await ReadAsync(int.MaxValue, slow: true);
                break;
            case ConsumerKind.StopEarly:
                await ReadAsync(leaveAfter, slow: false);
                break;
            case ConsumerKind.Reattach:
                await ReadAsync(leaveAfter, slow: false);
                if (!ReachedEnd)
                {
                    await ReadAsync(int.MaxValue, slow: true);
                }

                break;
            case ConsumerKind.NeverRead:
                break;
        }
    }

    /// <summary>Reads whatever is left once the scenario has settled.</summary>
    public Task DrainAsync() => ReachedEnd ? Task.CompletedTask : ReadAsync(int.MaxValue, slow: false);

    private async Task ReadAsync(int limit, bool slow)
    {
        var read = 0;
        try
        {
            await foreach (var item in run.StreamEvents())
            {
                _delivered.Add(item);
                if (++read >= limit)
                {
                    return;
                }

                if (slow)
                {
                    await Task.Delay(read % 2);
                }
            }

            ReachedEnd = true;
        }
        catch (Exception ex)
        {
            _errors.Add(ex);
            ReachedEnd = true;
        }
    }
}
