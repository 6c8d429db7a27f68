using Microsoft.Extensions.DependencyInjection;

namespace CancelGen;

/// <summary>
/// What <c>AddStreamingRuns</c> returns: the services it registered, for extensions that change how runs are held
/// (for example <c>UseOrleans()</c> in <c>CancelGen.Orleans</c>, which replaces the <see cref="IRunRegistry"/>).
/// </summary>
public sealed class StreamingRunsBuilder
{
    /// <summary>Creates a builder over <paramref name="services"/>.</summary>
    /// <param name="services">The app's services.</param>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    public StreamingRunsBuilder(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        Services = services;
    }

    /// <summary>The app's services.</summary>
    public IServiceCollection Services { get; }
}
