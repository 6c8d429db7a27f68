namespace CancelGen;

/// <summary>Options for starting a run.</summary>
public sealed class RunOptions
{
    private int? _bufferCapacity;
    private AbandonedRunPolicy _abandonedRunPolicy;

    /// <summary>
    /// How many produced, unread events the run buffers. <see langword="null"/> (the default) means
    /// unbounded; a number means the producer waits (backpressure) when that many events are unread.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is zero or negative.</exception>
    public int? BufferCapacity
    {
        get => _bufferCapacity;
        set
        {
            if (value is <= 0)
            {
                throw new ArgumentOutOfRangeException(nameof(value), value,
                    "RunOptions.BufferCapacity must be a positive number of events, or null for an unbounded buffer.");
            }

            _bufferCapacity = value;
        }
    }

    /// <summary>
    /// The run's name, used in telemetry and in error messages. A named run also remembers where it was
    /// started (the caller's stack, without file names) so that an abandoned run can be traced to its origin.
    /// </summary>
    public string? Name { get; set; }

    /// <summary>Which produced events the run keeps for progress saving. Default: <see cref="EventHistory.None"/>.</summary>
    public EventHistory EventHistory { get; set; }

    /// <summary>
    /// What happens when the run's handle is dropped while the run is still going (garbage collected, never
    /// disposed or cancelled). Default: <see cref="AbandonedRunPolicy.CancelAndReport"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined <see cref="CancelGen.AbandonedRunPolicy"/>.</exception>
    public AbandonedRunPolicy AbandonedRunPolicy
    {
        get => _abandonedRunPolicy;
        set
        {
            if (value is not (AbandonedRunPolicy.CancelAndReport or AbandonedRunPolicy.ReportOnly))
            {
                throw new ArgumentOutOfRangeException(nameof(value), value,
                    $"Unknown AbandonedRunPolicy {(int)value}: use AbandonedRunPolicy.CancelAndReport or AbandonedRunPolicy.ReportOnly.");
            }

            _abandonedRunPolicy = value;
        }
    }
}
