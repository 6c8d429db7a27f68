namespace CancelGen.Internal;

/// <summary>What a run that returns a value tells its final output: the task its code returned, and how the run ended.</summary>
internal abstract class RunOutput
{
    /// <summary>The run's code returned (<paramref name="code"/> ran to completion); the run may still fail or be cancelled.</summary>
    public abstract void OnCodeReturned(Task code);

    /// <summary>The run has ended with <paramref name="status"/> (and <paramref name="fault"/> when it faulted).</summary>
    public abstract void OnRunEnded(RunStatus status, Exception? fault);
}
