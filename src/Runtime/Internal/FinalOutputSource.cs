namespace CancelGen.Internal;

/// <summary>Holds the value a run's code returned and publishes it when the run ends: the value if it completed, cancelled or the fault otherwise.</summary>
internal sealed class FinalOutputSource<TOutput> : RunOutput
{
    private readonly TaskCompletionSource<TOutput> _output = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TOutput _offered = default!;

    public Task<TOutput> Task => _output.Task;

    public override void OnCodeReturned(Task code) => _offered = ((Task<TOutput>)code).Result;

    public override void OnRunEnded(RunStatus status, Exception? fault)
    {
        switch (status)
        {
            case RunStatus.Completed:
                _output.TrySetResult(_offered);
                break;
            case RunStatus.Faulted:
                _output.TrySetException(fault!);
                _ = _output.Task.Exception; // Completion carries the fault; this copy must not raise UnobservedTaskException.
                break;
            default:
                _output.TrySetCanceled();
                break;
        }

        _offered = default!;
    }
}
