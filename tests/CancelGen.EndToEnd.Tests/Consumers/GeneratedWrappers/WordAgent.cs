using System.Runtime.CompilerServices;
using CancelGen;

namespace GeneratedWrappers;

/// <summary>Both method shapes the generator accepts; each gets a generated ...Streamed wrapper.</summary>
public sealed partial class WordAgent
{
    /// <summary>Iterator shape: yields 1..count.</summary>
    [StreamingRun]
    public async IAsyncEnumerable<int> CountAsync(int count, RunContext run,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (var i = 1; i <= count; i++)
        {
            await Task.Yield();
            yield return i;
        }
    }

    /// <summary>Emitter shape with an output: emits each word, returns how many there were.</summary>
    [StreamingRun]
    public async Task<int> AnswerAsync(string question, RunContext<string> run, CancellationToken cancellationToken)
    {
        var words = question.Split(' ');
        foreach (var word in words)
        {
            await run.EmitAsync(word);
        }

        return words.Length;
    }

    /// <summary>Iterator shape that never ends by itself: only a cancel stops it.</summary>
    [StreamingRun]
    public async IAsyncEnumerable<int> TickAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (var tick = 0; ; tick++)
        {
            await Task.Delay(1, cancellationToken);
            yield return tick;
        }
    }
}
