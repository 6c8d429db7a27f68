using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Orleans;
using Orleans.Runtime;
using Orleans.Storage;

namespace CancelGen.Orleans.Tests.Support;

/// <summary>
/// Grain storage that every silo of a test cluster shares and that outlives any silo, as a production store does
/// (Orleans' own memory storage keeps state in grains, which die with their silo). Checks ETags like every real
/// provider, so a write from a stale activation fails.
/// </summary>
public sealed class SharedMemoryGrainStorage : IGrainStorage
{
    private readonly ConcurrentDictionary<string, (string Json, string ETag)> _records = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private long _version;

    /// <summary>How many records are stored.</summary>
    public int Count => _records.Count;

    /// <summary>The stored state of one grain, or null.</summary>
    public T? Read<T>(string stateName, GrainId grainId) =>
        _records.TryGetValue(Key(stateName, grainId), out var record) ? JsonSerializer.Deserialize<T>(record.Json) : default;

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (_records.TryGetValue(Key(stateName, grainId), out var record))
        {
            grainState.State = JsonSerializer.Deserialize<T>(record.Json)!;
            grainState.ETag = record.ETag;
            grainState.RecordExists = true;
        }

        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var key = Key(stateName, grainId);
        lock (_gate)
        {
            CheckETag(key, grainState.ETag);

            var etag = (++_version).ToString(CultureInfo.InvariantCulture);
            _records[key] = (JsonSerializer.Serialize(grainState.State), etag);
            grainState.ETag = etag;
            grainState.RecordExists = true;
        }

        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var key = Key(stateName, grainId);
        lock (_gate)
        {
            CheckETag(key, grainState.ETag);

            _records.TryRemove(key, out _);
            grainState.ETag = null;
            grainState.RecordExists = false;
        }

        return Task.CompletedTask;
    }

    private static string Key(string stateName, GrainId grainId) => $"{stateName}/{grainId}";

    /// <summary>Refuses a write or clear whose ETag is not the stored record's (as a real store does). Called under the lock.</summary>
    private void CheckETag(string key, string? etag)
    {
        var current = _records.TryGetValue(key, out var record) ? record.ETag : null;
        if (current != etag)
        {
            throw new InconsistentStateException($"ETag mismatch for {key}", current, etag);
        }
    }
}
