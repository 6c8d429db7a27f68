// Runs handed to a registry that owns them: started by request handlers, looked up by id to cancel,
// and all disposed when the registry is.
using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using CancelGen;

namespace RealWorld.Registry;

public sealed class RunRegistry : IAsyncDisposable
{
    private readonly ConcurrentDictionary<Guid, RunResultStreaming<string>> _runs = new();

    public Guid Add(RunResultStreaming<string> run)
    {
        var id = Guid.NewGuid();
        _runs[id] = run;
        return id;
    }

    public bool TryGet(Guid id, out RunResultStreaming<string>? run) => _runs.TryGetValue(id, out run);

    public async Task<bool> CancelAsync(Guid id)
    {
        if (_runs.TryRemove(id, out var run))
        {
            await run.CancelAsync().ConfigureAwait(false);
            await run.DisposeAsync().ConfigureAwait(false);
            return true;
        }

        return false;
    }

    public IReadOnlyList<Guid> Running() =>
        [.. _runs.Where(static pair => pair.Value.Status == RunStatus.Running).Select(static pair => pair.Key)];

    public async ValueTask DisposeAsync()
    {
        foreach (var id in _runs.Keys.ToList())
        {
            await CancelAsync(id).ConfigureAwait(false);
        }
    }
}

public sealed class Jobs
{
    private readonly RunRegistry _registry;
    private readonly List<RunResultStreaming<string>> _batch = [];

    public Jobs(RunRegistry registry) => _registry = registry;

    public Guid Start(string question) => _registry.Add(Answer(question));

    public Guid StartNamed(string question)
    {
        var run = Answer(question);
        return _registry.Add(run);
    }

    public void Queue(string question) => _batch.Add(Answer(question));

    public async Task DrainAsync()
    {
        foreach (var run in _batch)
        {
            await run.DisposeAsync().ConfigureAwait(false);
        }

        _batch.Clear();
    }

    private static RunResultStreaming<string> Answer(string question) =>
        RunResultStreaming.Start<string>((run, ct) => Words(question, ct));

    private static async IAsyncEnumerable<string> Words(string question, [EnumeratorCancellation] CancellationToken ct)
    {
        await Task.Yield();
        ct.ThrowIfCancellationRequested();
        yield return question;
    }
}
