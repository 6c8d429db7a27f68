namespace CancelGen.Benchmarks.Runtime;

/// <summary>The idle workload every run and baseline of the runtime benchmarks shares.</summary>
internal static class Waits
{
    /// <summary>Waits until <paramref name="cancellationToken"/> is cancelled and returns without throwing.</summary>
    public static async Task UntilCancelled(CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // expected
        }
    }
}
