using CancelGen.Internal;

namespace CancelGen;

/// <summary>The handle of a run whose code returns a final output.</summary>
/// <typeparam name="TEvent">The event type.</typeparam>
/// <typeparam name="TOutput">The final output's type.</typeparam>
public class RunResultStreaming<TEvent, TOutput> : RunResultStreaming<TEvent>
{
    internal RunResultStreaming(RunCore<TEvent> core, Task<TOutput> finalOutput)
        : base(core)
    {
        FinalOutput = finalOutput;
    }

    /// <summary>
    /// The value the run's code returned, once the run and its tracked tasks have ended: cancelled when the
    /// run was cancelled, faulted with the run's fault when it faulted.
    /// </summary>
    public Task<TOutput> FinalOutput { get; }
}
