using Microsoft.Extensions.Hosting;

namespace CancelGen.Local;

/// <summary>
/// On app shutdown (<see cref="IHostApplicationLifetime.ApplicationStopping"/>) cancels every live run of this
/// process, then, while the host stops its services, waits for them to end, bounded by the host's shutdown timeout
/// (the token <see cref="StopAsync"/> gets). Readers get their <c>end</c> frame before the server closes.
/// </summary>
internal sealed class RunShutdownService(LocalRunRegistry registry, IHostApplicationLifetime lifetime) : IHostedService
{
    private CancellationTokenRegistration _stopping;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _stopping = lifetime.ApplicationStopping.Register(static state => ((LocalRunRegistry)state!).RequestCancelAll(), registry);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.DisposeAsync().ConfigureAwait(false);
        await registry.CancelAllAsync(cancellationToken).ConfigureAwait(false);
    }
}
