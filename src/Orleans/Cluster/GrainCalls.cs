using CancelGen.Logging;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using Orleans.Runtime.Messaging;

namespace CancelGen.Cluster;

/// <summary>
/// Calls to a run's grain from any instance. When the owner instance is unreachable (it died and the cluster has not
/// declared it dead yet) the call is asked again until Orleans' failure detector settles it: then the grain is
/// re-activated on a live instance and answers <c>lost</c>. No raw Orleans exception reaches the endpoints.
/// </summary>
internal sealed class GrainCalls(TimeProvider timeProvider, ILogger<GrainCalls> logger)
{
    /// <summary>How long to wait before asking an unreachable grain again.</summary>
    public static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// Whether <paramref name="exception"/> says the grain's instance could not be reached, or the call was cut on the
    /// way (not an answer of the grain: a storage conflict or a bug is not asked again).
    /// </summary>
    public static bool IsUnreachable(Exception exception) => exception is
        OrleansMessageRejectionException or ConnectionFailedException or ClientNotAvailableException or TimeoutException or EnumerationAbortedException;

    /// <summary>Runs <paramref name="call"/> until it is answered, or until <paramref name="cancellationToken"/>.</summary>
    public async Task<T> CallAsync<T>(string runId, Func<Task<T>> call, CancellationToken cancellationToken)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                return await call().WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (IsUnreachable(exception) && !cancellationToken.IsCancellationRequested)
            {
                ClusterLog.OwnerUnreachable(logger, exception, runId);
            }

            await Task.Delay(RetryDelay, timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }
}
