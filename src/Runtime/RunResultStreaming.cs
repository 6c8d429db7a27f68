using System.Runtime.CompilerServices;
using CancelGen.Internal;

namespace CancelGen;

/// <summary>
/// Starts runs without the source generator (the generated <c>...Streamed</c> methods and the adapters call these too).
/// Each run starts at once, on the thread pool, and goes on whether or not anyone reads its events.
/// </summary>
public static class RunResultStreaming
{
    /// <summary>Starts an iterator-form run: <paramref name="run"/> yields the events.</summary>
    /// <typeparam name="TEvent">The event type.</typeparam>
    /// <param name="run">The run's code. It receives the run's context and the run's token (the same as <see cref="RunContext.CancellationToken"/>).</param>
    /// <param name="options">Buffer, name and history options; <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Stops the run like <see cref="RunResultStreaming{TEvent}.Cancel(CancelMode)"/>; already cancelled gives a run with zero events, <see cref="RunStatus.Cancelled"/>.</param>
    /// <returns>The run's handle. Dispose it (<c>await using</c>) to stop the run when you are done with it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="run"/> is <see langword="null"/>.</exception>
    [MethodImpl(MethodImplOptions.NoInlining)] // RunStartSite skips exactly this frame.
    public static RunResultStreaming<TEvent> Start<TEvent>(
        Func<RunContext, CancellationToken, IAsyncEnumerable<TEvent>> run,
        RunOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        Guard.NotNull(run, nameof(run));

        var core = new RunCore<TEvent>(options, RunStartSite.CaptureForNamedRun(options));
        core.StartIterator(run, cancellationToken);
        return new RunResultStreaming<TEvent>(core);
    }

    /// <summary>Starts an emitter-form run: <paramref name="run"/> pushes its events with <see cref="RunContext{TEvent}.EmitAsync"/>.</summary>
    /// <typeparam name="TEvent">The event type.</typeparam>
    /// <param name="run">The run's code. It receives the run's context and the run's token (the same as <see cref="RunContext.CancellationToken"/>).</param>
    /// <param name="options">Buffer, name and history options; <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Stops the run like <see cref="RunResultStreaming{TEvent}.Cancel(CancelMode)"/>; already cancelled gives a run with zero events, <see cref="RunStatus.Cancelled"/>.</param>
    /// <returns>The run's handle. Dispose it (<c>await using</c>) to stop the run when you are done with it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="run"/> is <see langword="null"/>.</exception>
    [MethodImpl(MethodImplOptions.NoInlining)] // RunStartSite skips exactly this frame.
    public static RunResultStreaming<TEvent> Start<TEvent>(
        Func<RunContext<TEvent>, CancellationToken, Task> run,
        RunOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        Guard.NotNull(run, nameof(run));

        var core = new RunCore<TEvent>(options, RunStartSite.CaptureForNamedRun(options));
        core.StartEmitter(run, cancellationToken);
        return new RunResultStreaming<TEvent>(core);
    }

    /// <summary>Starts an emitter-form run that returns a final output (<see cref="RunResultStreaming{TEvent, TOutput}.FinalOutput"/>).</summary>
    /// <typeparam name="TEvent">The event type.</typeparam>
    /// <typeparam name="TOutput">The final output's type.</typeparam>
    /// <param name="run">The run's code. It receives the run's context and the run's token (the same as <see cref="RunContext.CancellationToken"/>).</param>
    /// <param name="options">Buffer, name and history options; <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Stops the run like <see cref="RunResultStreaming{TEvent}.Cancel(CancelMode)"/>; already cancelled gives a run with zero events, <see cref="RunStatus.Cancelled"/>.</param>
    /// <returns>The run's handle. Dispose it (<c>await using</c>) to stop the run when you are done with it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="run"/> is <see langword="null"/>.</exception>
    [MethodImpl(MethodImplOptions.NoInlining)] // RunStartSite skips exactly this frame.
    public static RunResultStreaming<TEvent, TOutput> Start<TEvent, TOutput>(
        Func<RunContext<TEvent>, CancellationToken, Task<TOutput>> run,
        RunOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        Guard.NotNull(run, nameof(run));

        var output = new FinalOutputSource<TOutput>();
        var core = new RunCore<TEvent>(options, RunStartSite.CaptureForNamedRun(options), output);
        core.StartEmitter(run, cancellationToken);
        return new RunResultStreaming<TEvent, TOutput>(core, output.Task);
    }
}
