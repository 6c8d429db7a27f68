namespace CancelGen.Internal;

/// <summary>
/// The run an adapter call belongs to, carried by an <see cref="AsyncLocal{T}"/> from
/// <c>StartStreamingRun</c> into the chat pipeline (the <see cref="StreamingRunsChatClient"/> and the
/// function invoker). Each run has its own scope, so runs that share one client stay apart.
/// </summary>
internal sealed class StreamingRunScope
{
    private static readonly AsyncLocal<StreamingRunScope?> s_current = new();

    private int _modelCalls;

    public StreamingRunScope(RunContext run)
    {
        Run = run;
    }

    /// <summary>The scope of the run whose code is executing here, or <see langword="null"/> outside a run.</summary>
    public static StreamingRunScope? Current
    {
        get => s_current.Value;
        set => s_current.Value = value;
    }

    /// <summary>The run's context.</summary>
    public RunContext Run { get; }

    /// <summary>
    /// Called before each model call of the run. Every call but the first starts a new turn: it passes
    /// the run's turn boundary, which waits while the run is paused and throws
    /// <see cref="OperationCanceledException"/> when an after-turn cancel was asked.
    /// </summary>
    /// <returns>A task that completes when the model call may start.</returns>
    public ValueTask BeforeModelCallAsync()
    {
        if (Interlocked.Increment(ref _modelCalls) == 1)
        {
            Run.CancellationToken.ThrowIfCancellationRequested();
            return default;
        }

        return Run.EndTurnAsync();
    }
}
