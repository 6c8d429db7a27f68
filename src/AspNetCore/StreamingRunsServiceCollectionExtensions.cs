using CancelGen.Endpoints;
using CancelGen.Local;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace CancelGen;

/// <summary>Registers the services that serve CancelGen runs over HTTP.</summary>
public static class StreamingRunsServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IRunRegistry"/> (in memory: the runs of this process), the shutdown hook that cancels
    /// live runs and waits for them when the app stops, and a handler that answers <see cref="TooManyRunsException"/>
    /// with 429 under <c>app.UseExceptionHandler()</c>. Map the endpoints with <c>app.MapStreamingRuns()</c>.
    /// </summary>
    /// <param name="services">The app's services.</param>
    /// <param name="configure">Sets <see cref="StreamingRunsOptions"/>.</param>
    /// <returns>A builder for extensions that change how runs are held (e.g. <c>UseOrleans()</c>).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    public static StreamingRunsBuilder AddStreamingRuns(this IServiceCollection services, Action<StreamingRunsOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<StreamingRunsOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.AddLogging();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<LocalRunRegistry>();
        services.TryAddSingleton<IRunRegistry>(provider => provider.GetRequiredService<LocalRunRegistry>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, RunShutdownService>());
        services.AddExceptionHandler<TooManyRunsExceptionHandler>();
        return new StreamingRunsBuilder(services);
    }
}
