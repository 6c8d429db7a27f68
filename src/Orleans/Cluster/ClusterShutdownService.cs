using CancelGen.Logging;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CancelGen.Cluster;

/// <summary>
/// A graceful stop of this instance cancels the runs it owns and records them <c>cancelled</c>, before the web server
/// and the silo stop (<see cref="IHostedLifecycleService.StoppingAsync"/>), so that readers anywhere get their
/// <c>end</c> frame. A stop whose time is already up (a hard kill) records nothing, like a crash: other instances
/// then answer <c>lost</c>.
/// </summary>
internal sealed class ClusterShutdownService(OwnedRuns owned, ILogger<ClusterShutdownService> logger) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return;
        }

        var live = owned.Snapshot();
        if (live.Count == 0)
        {
            return;
        }

        ClusterLog.ShutdownCancelling(logger, live.Count);
        try
        {
            await Task.WhenAll(live.Select(grain => grain.ShutDownAsync())).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The rest is the grains' deactivation's business (bounded by the same deadline).
        }
#pragma warning disable CA1031 // A run whose end could not be recorded must not stop the rest of the shutdown.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            ClusterLog.ShutdownFailed(logger, exception);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
