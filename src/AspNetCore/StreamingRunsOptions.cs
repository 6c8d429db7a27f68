using System.Text.Json;

namespace CancelGen;

/// <summary>How <c>AddStreamingRuns</c> holds runs and serves them over HTTP.</summary>
public sealed class StreamingRunsOptions
{
    private TimeSpan _detachedRunTimeout = TimeSpan.FromMinutes(5);
    private TimeSpan _endedRunRetention = TimeSpan.FromMinutes(5);
    private int _eventLogCapacity = 1024;
    private int? _maxRunsPerOwner = 16;
    private DisconnectPolicy _disconnectPolicy;

    /// <summary>What a reader's disconnect does to the run. Default: <see cref="CancelGen.DisconnectPolicy.Detach"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined <see cref="CancelGen.DisconnectPolicy"/>.</exception>
    public DisconnectPolicy DisconnectPolicy
    {
        get => _disconnectPolicy;
        set
        {
            if (value is not (DisconnectPolicy.Detach or DisconnectPolicy.Cancel))
            {
                throw new ArgumentOutOfRangeException(nameof(value), value,
                    $"Unknown DisconnectPolicy {(int)value}: use DisconnectPolicy.Detach or DisconnectPolicy.Cancel.");
            }

            _disconnectPolicy = value;
        }
    }

    /// <summary>
    /// A live run that nobody reads for this long is cancelled, so that no orphan run spends tokens forever.
    /// Measured on the registered <see cref="TimeProvider"/>. Default: 5 minutes; <see cref="Timeout.InfiniteTimeSpan"/> turns it off.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is zero or negative (other than <see cref="Timeout.InfiniteTimeSpan"/>).</exception>
    public TimeSpan DetachedRunTimeout
    {
        get => _detachedRunTimeout;
        set
        {
            if (value <= TimeSpan.Zero && value != Timeout.InfiniteTimeSpan)
            {
                throw new ArgumentOutOfRangeException(nameof(value), value,
                    "StreamingRunsOptions.DetachedRunTimeout must be positive, or Timeout.InfiniteTimeSpan to never cancel an unread run.");
            }

            _detachedRunTimeout = value;
        }
    }

    /// <summary>
    /// How long an ended run stays readable (status, events, the final <c>end</c> frame) before the registry drops it.
    /// Default: 5 minutes.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public TimeSpan EndedRunRetention
    {
        get => _endedRunRetention;
        set
        {
            if (value < TimeSpan.Zero)
            {
                throw new ArgumentOutOfRangeException(nameof(value), value,
                    "StreamingRunsOptions.EndedRunRetention must be zero or positive.");
            }

            _endedRunRetention = value;
        }
    }

    /// <summary>
    /// How many of a run's latest events are kept for readers that reconnect with <c>Last-Event-ID</c> or join late.
    /// A reader further behind is told of the gap (an <c>event: gap</c> frame). Default: 1024.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is zero or negative.</exception>
    public int EventLogCapacity
    {
        get => _eventLogCapacity;
        set
        {
            if (value <= 0)
            {
                throw new ArgumentOutOfRangeException(nameof(value), value,
                    "StreamingRunsOptions.EventLogCapacity must be a positive number of events.");
            }

            _eventLogCapacity = value;
        }
    }

    /// <summary>
    /// How many live runs one user may have; adding one more throws <see cref="TooManyRunsException"/> (429).
    /// Runs added anonymously are not counted. Default: 16; <see langword="null"/> means no limit.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is zero or negative.</exception>
    public int? MaxRunsPerOwner
    {
        get => _maxRunsPerOwner;
        set
        {
            if (value is <= 0)
            {
                throw new ArgumentOutOfRangeException(nameof(value), value,
                    "StreamingRunsOptions.MaxRunsPerOwner must be a positive number of runs, or null for no limit.");
            }

            _maxRunsPerOwner = value;
        }
    }

    /// <summary>
    /// The options events are serialized with. <see langword="null"/> (the default) means the app's own
    /// (<c>ConfigureHttpJsonOptions</c>, <see cref="Microsoft.AspNetCore.Http.Json.JsonOptions"/>).
    /// </summary>
    public JsonSerializerOptions? SerializerOptions { get; set; }
}
