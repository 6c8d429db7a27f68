namespace CancelGen.EndToEnd.Tests.Editor;

/// <summary>
/// A repeatable "something happened" gate: <see cref="Next"/> completes at the next <see cref="Raise"/>, and a new
/// <see cref="Next"/> is handed out after each one.
/// </summary>
public sealed class ChangeSignal
{
    private TaskCompletionSource _next = NewSource();

    /// <summary>Completes at the next <see cref="Raise"/> after it was read.</summary>
    public Task Next => Volatile.Read(ref _next).Task;

    /// <summary>Completes the waiting <see cref="Next"/> and arms a new one.</summary>
    public void Raise() => Interlocked.Exchange(ref _next, NewSource()).TrySetResult();

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
