using Microsoft.AspNetCore.Http;

namespace CancelGen;

/// <summary>
/// Holds the runs an app serves over HTTP (<c>MapStreamingRuns</c>). Registered by <c>AddStreamingRuns</c>; the
/// in-memory registry keeps the runs of this process, a cluster registry (<c>CancelGen.Orleans</c>) replaces it so
/// that a run started on one instance is reachable through any other. The endpoints use only this interface and
/// <see cref="IRegisteredRun"/>, so both answer the same way.
/// </summary>
public interface IRunRegistry
{
    /// <summary>
    /// Takes over <paramref name="run"/>: from now on the registry is the run's one consumer; it keeps its events,
    /// numbered from 1, in a bounded log (<see cref="StreamingRunsOptions.EventLogCapacity"/>) that any number of
    /// readers can read from any point. The run belongs to the user of <paramref name="context"/> (the
    /// <see cref="System.Security.Claims.ClaimTypes.NameIdentifier"/> claim, else <c>Identity.Name</c>); a run added
    /// by an anonymous request is reachable by its id alone.
    /// </summary>
    /// <typeparam name="TEvent">The run's event type.</typeparam>
    /// <param name="run">A run nobody consumes yet.</param>
    /// <param name="context">The request that starts the run.</param>
    /// <returns>The run's id: 128 random bits, URL-safe (22 characters of base64url).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="run"/> or <paramref name="context"/> is null.</exception>
    /// <exception cref="TooManyRunsException">The user already has <see cref="StreamingRunsOptions.MaxRunsPerOwner"/> live runs; <paramref name="run"/> is cancelled.</exception>
    /// <exception cref="InvalidOperationException"><paramref name="run"/> is already registered.</exception>
    string Add<TEvent>(RunResultStreaming<TEvent> run, HttpContext context);

    /// <summary>
    /// <see cref="Add{TEvent}"/>, answered once the run can be found through every instance of the app: with a
    /// cluster registry (<c>UseOrleans()</c>), once the run is recorded cluster-wide, so that the id handed to a client
    /// is never unknown to the instance its next request lands on. The in-memory registry answers at once.
    /// </summary>
    /// <typeparam name="TEvent">The run's event type.</typeparam>
    /// <param name="run">A run nobody consumes yet.</param>
    /// <param name="context">The request that starts the run.</param>
    /// <param name="cancellationToken">Stops waiting (the run is still added).</param>
    /// <returns>The run's id.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="run"/> or <paramref name="context"/> is null.</exception>
    /// <exception cref="TooManyRunsException">The user already has <see cref="StreamingRunsOptions.MaxRunsPerOwner"/> live runs; <paramref name="run"/> is cancelled.</exception>
    /// <exception cref="InvalidOperationException"><paramref name="run"/> is already registered, or could not be recorded (it is then cancelled).</exception>
    ValueTask<string> AddAsync<TEvent>(RunResultStreaming<TEvent> run, HttpContext context, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Add(run, context));

    /// <summary>Looks a run up by id, whoever owns it (the endpoints check ownership themselves).</summary>
    /// <param name="id">The id <see cref="Add{TEvent}"/> returned.</param>
    /// <param name="cancellationToken">Stops the lookup.</param>
    /// <returns>The run, or <see langword="null"/> when no run has that id (never had, or dropped after its retention time).</returns>
    ValueTask<IRegisteredRun?> FindAsync(string id, CancellationToken cancellationToken = default);
}
