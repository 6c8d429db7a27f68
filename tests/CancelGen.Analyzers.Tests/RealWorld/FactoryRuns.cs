// Runs created by factories and returned to the caller, who owns them: plain, conditional, switch-selected,
// wrapped in a Task, and a consumer that takes ownership with 'await using'.
using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using CancelGen;

namespace RealWorld.Factories;

public enum Mode
{
    Fast,
    Careful,
    Silent,
}

public static class RunFactory
{
    public static RunResultStreaming<string> Create(string question, CancellationToken cancellationToken = default) =>
        RunResultStreaming.Start<string>((run, ct) => Words(question, ct), new RunOptions { Name = "answer" }, cancellationToken);

    public static RunResultStreaming<string> CreateFor(Mode mode, string question) => mode switch
    {
        Mode.Fast => Create(question),
        Mode.Careful => Create(question + " (carefully)"),
        _ => Create(string.Empty),
    };

    public static RunResultStreaming<string> CreateMaybeShort(bool brief, string question) =>
        brief ? Create(question.Split(' ')[0]) : Create(question);

    public static RunResultStreaming<string> CreateLogged(string question)
    {
        var run = Create(question);
        Console.WriteLine($"started {run.Name}");
        return run;
    }

    public static async Task<RunResultStreaming<string>> CreateAfterWarmUpAsync(string question, CancellationToken cancellationToken)
    {
        await Task.Delay(1, cancellationToken).ConfigureAwait(false);
        return Create(question, cancellationToken);
    }

    private static async IAsyncEnumerable<string> Words(string question, [EnumeratorCancellation] CancellationToken ct)
    {
        foreach (var word in question.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            await Task.Yield();
            ct.ThrowIfCancellationRequested();
            yield return word;
        }
    }
}

public static class FactoryConsumer
{
    public static async Task<int> CountWordsAsync(Mode mode, string question, CancellationToken cancellationToken)
    {
        await using var run = RunFactory.CreateFor(mode, question);
        var count = 0;
        await foreach (var _ in run.StreamEvents(cancellationToken))
        {
            count++;
        }

        return count;
    }

    public static async Task<string?> FirstWordAsync(string question, CancellationToken cancellationToken)
    {
        await using var run = await RunFactory.CreateAfterWarmUpAsync(question, cancellationToken).ConfigureAwait(false);
        await foreach (var word in run.StreamEvents(cancellationToken).ConfigureAwait(false))
        {
            return word;
        }

        return null;
    }
}
