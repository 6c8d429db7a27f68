// Runs kept in fields and released by their owner: a chat session that replaces its current run, and a
// component that cancels on Stop and disposes on DisposeAsync.
using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using CancelGen;

namespace RealWorld.FieldOwned;

public sealed class Agent
{
    public RunResultStreaming<string> AnswerStreamed(string question, CancellationToken cancellationToken = default) =>
        RunResultStreaming.Start<string>((run, ct) => Words(question, ct), cancellationToken: cancellationToken);

    private static async IAsyncEnumerable<string> Words(string question, [EnumeratorCancellation] CancellationToken ct)
    {
        foreach (var word in question.Split(' '))
        {
            await Task.Yield();
            ct.ThrowIfCancellationRequested();
            yield return word;
        }
    }
}

public sealed class ChatSession : IAsyncDisposable
{
    private readonly Agent _agent;
    private RunResultStreaming<string>? _current;

    public ChatSession(Agent agent) => _agent = agent;

    public async Task<string> AskAsync(string question, CancellationToken cancellationToken)
    {
        if (_current is not null)
        {
            await _current.CancelAsync().ConfigureAwait(false);
        }

        _current = _agent.AnswerStreamed(question, cancellationToken);
        var answer = new List<string>();
        await foreach (var word in _current.StreamEvents(cancellationToken).ConfigureAwait(false))
        {
            answer.Add(word);
        }

        return string.Join(" ", answer);
    }

    public void Stop() => _current?.Cancel(CancelMode.AfterTurn);

    public async ValueTask DisposeAsync()
    {
        if (_current is { } run)
        {
            await run.DisposeAsync().ConfigureAwait(false);
        }
    }
}

public sealed class BackgroundAnswer : IAsyncDisposable
{
    private readonly RunResultStreaming<string> _run;

    public BackgroundAnswer(Agent agent, string question)
    {
        _run = agent.AnswerStreamed(question);
    }

    public RunStatus Status => _run.Status;

    public IAsyncEnumerable<string> Words(CancellationToken cancellationToken) => _run.StreamEvents(cancellationToken);

    public void Stop() => _run.Cancel();

    public ValueTask DisposeAsync() => _run.DisposeAsync();
}
