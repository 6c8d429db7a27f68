using System.Collections.Concurrent;
using CancelGen.Grains;

namespace CancelGen.Cluster;

/// <summary>The live runs this instance owns, by id: what a graceful shutdown cancels and records.</summary>
internal sealed class OwnedRuns
{
    private readonly ConcurrentDictionary<string, IRunGrain> _runs = new(StringComparer.Ordinal);

    /// <summary>How many live runs this instance owns.</summary>
    public int Count => _runs.Count;

    /// <summary>Notes a live run.</summary>
    public void Add(string id, IRunGrain grain) => _runs[id] = grain;

    /// <summary>Forgets a run (ended, or its grain deactivated).</summary>
    public void Remove(string id) => _runs.TryRemove(id, out _);

    /// <summary>The grains of the live runs.</summary>
    public IReadOnlyList<IRunGrain> Snapshot() => [.. _runs.Values];
}
