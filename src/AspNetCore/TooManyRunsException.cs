namespace CancelGen;

/// <summary>
/// Thrown by <see cref="IRunRegistry.Add{TEvent}"/> when the requesting user already has
/// <see cref="StreamingRunsOptions.MaxRunsPerOwner"/> live runs. The refused run is cancelled. With
/// <c>app.UseExceptionHandler()</c> the handler that <c>AddStreamingRuns</c> registers answers 429 with a problem-details body.
/// </summary>
public sealed class TooManyRunsException : InvalidOperationException
{
    /// <summary>Creates the exception with a default message.</summary>
    public TooManyRunsException()
        : base("The user has too many live runs.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public TooManyRunsException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public TooManyRunsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for an owner who reached the limit.</summary>
    /// <param name="owner">The user.</param>
    /// <param name="limit">The limit, <see cref="StreamingRunsOptions.MaxRunsPerOwner"/>.</param>
    public TooManyRunsException(string owner, int limit)
        : base($"User '{owner}' already has {limit} live runs (StreamingRunsOptions.MaxRunsPerOwner); cancel one or wait for one to end.")
    {
        Owner = owner;
        Limit = limit;
    }

    /// <summary>The user who reached the limit, when known.</summary>
    public string? Owner { get; }

    /// <summary>The limit that was reached, when known.</summary>
    public int? Limit { get; }
}
