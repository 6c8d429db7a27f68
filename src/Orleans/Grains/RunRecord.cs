using Orleans;

namespace CancelGen.Grains;

/// <summary>
/// The small state a run grain persists at each transition (registered, paused, resumed, cancel requested, task
/// cancelled, ended, lost): enough for an activation on another instance, after the owner went away, to answer
/// <c>lost</c> (or the run's final status) instead of <c>running</c>. The events themselves are not persisted.
/// </summary>
[GenerateSerializer]
internal sealed class RunRecord
{
    /// <summary>Whether a run with this id was registered (and not yet dropped).</summary>
    [Id(0)]
    public bool Registered { get; set; }

    /// <summary>The user the run belongs to; <see langword="null"/> for an anonymous run.</summary>
    [Id(1)]
    public string? Owner { get; set; }

    /// <summary>The owner instance's silo address (for logs and diagnostics).</summary>
    [Id(2)]
    public string OwnerSilo { get; set; } = string.Empty;

    /// <summary>The run's status, a <see cref="RegisteredRunStatus"/>.</summary>
    [Id(3)]
    public int Status { get; set; }

    /// <summary>The turn in progress at the last transition.</summary>
    [Id(4)]
    public int Turn { get; set; }

    /// <summary>Whether the run was paused at the last transition.</summary>
    [Id(5)]
    public bool IsPaused { get; set; }

    /// <summary>The number of the run's last event at the last transition (saved progress).</summary>
    [Id(6)]
    public long LastEventId { get; set; }

    /// <summary>Whether an after-turn cancel was requested.</summary>
    [Id(7)]
    public bool CancelRequested { get; set; }

    /// <summary>When the run ended (or was found lost); <see langword="null"/> while running.</summary>
    [Id(8)]
    public DateTimeOffset? EndedAt { get; set; }
}
