// Library code that never captures the context: 'await using' with ConfigureAwait(false) on the handle and on
// the enumeration, try/finally releases, and an early exit out of the loop after the handle is released.
using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using CancelGen;

namespace RealWorld.ConfigureAwaitFalse;

public static class Answers
{
    public static RunResultStreaming<string, int> Start(string question, CancellationToken cancellationToken = default) =>
        RunResultStreaming.Start<string, int>(async (run, ct) =>
        {
            var words = question.Split(' ');
            foreach (var word in words)
            {
                await run.EmitAsync(word).ConfigureAwait(false);
            }

            return words.Length;
        }, cancellationToken: cancellationToken);

    public static async Task<string> JoinAsync(string question, CancellationToken cancellationToken)
    {
        var run = Start(question, cancellationToken);
        await using (run.ConfigureAwait(false))
        {
            var text = new StringBuilder();
            await foreach (var word in run.StreamEvents(cancellationToken).ConfigureAwait(false))
            {
                text.Append(word).Append(' ');
            }

            return text.ToString().TrimEnd();
        }
    }

    public static async Task<int> CountAsync(string question, CancellationToken cancellationToken)
    {
        await using var run = Start(question, cancellationToken);
        await foreach (var _ in run.StreamEvents(cancellationToken).ConfigureAwait(false))
        {
        }

        return await run.FinalOutput.ConfigureAwait(false);
    }

    public static async Task<string?> FirstLongWordAsync(string question, int length, CancellationToken cancellationToken)
    {
        var run = Start(question, cancellationToken);
        try
        {
            await foreach (var word in run.StreamEvents(cancellationToken).ConfigureAwait(false))
            {
                if (word.Length >= length)
                {
                    return word;
                }
            }

            return null;
        }
        finally
        {
            await run.CancelAsync().ConfigureAwait(false);
        }
    }

    public static async Task<IReadOnlyList<string>> UntilAsync(string question, string stop, CancellationToken cancellationToken)
    {
        var seen = new List<string>();
        var run = Start(question, cancellationToken);
        await using var owned = run.ConfigureAwait(false);
        await foreach (var word in run.StreamEvents(cancellationToken).ConfigureAwait(false))
        {
            if (word == stop)
            {
                break;
            }

            seen.Add(word);
        }

        return seen;
    }
}
