namespace CancelGen.Extensions.AI.Tests.Support;

/// <summary>
/// A point where a scripted model or tool stops until the test releases it: the test awaits <see cref="Reached"/> to
/// know where the run is, then cancels or releases. Waiting honours the token unless told not to.
/// </summary>
public sealed class Gate
{
    private static readonly TimeSpan s_testTimeout = TimeSpan.FromSeconds(10);

    private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool _sawCancellation;

    /// <summary>Completes when the model or tool arrives at the gate (fails the test after 10 s).</summary>
    public Task Reached => _reached.Task.WaitAsync(s_testTimeout);

    /// <summary>Completes when the waiter has left the gate, released or cancelled (fails the test after 10 s).</summary>
    public Task Exited => _exited.Task.WaitAsync(s_testTimeout);

    /// <summary>Whether the token the waiter held was cancelled while it waited.</summary>
    public bool SawCancellation => _sawCancellation;

    public void Release() => _released.TrySetResult();

    public async Task PassAsync(CancellationToken cancellationToken)
    {
        _reached.TrySetResult();
        try
        {
            await _released.Task.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            _sawCancellation = true;
            throw;
        }
        finally
        {
            _exited.TrySetResult();
        }
    }

    public async Task PassIgnoringTokenAsync()
    {
        _reached.TrySetResult();
        await _released.Task;
        _exited.TrySetResult();
    }
}
