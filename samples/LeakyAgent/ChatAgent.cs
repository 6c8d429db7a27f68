using CancelGen;

namespace LeakyAgent;

/// <summary>An agent whose [StreamingRun] method lets work escape its run (CG0003) and drops its token (CG0004).</summary>
public sealed partial class ChatAgent
{
    /// <summary>Emits the question's words and returns how many there were.</summary>
    [StreamingRun]
    public async Task<int> AnswerAsync(string question, RunContext<string> run, CancellationToken cancellationToken)
    {
        _ = AuditAsync(question); // CG0003
        await Task.Delay(10); // CG0004
        var words = question.Split(' ');
        foreach (var word in words)
        {
            await run.EmitAsync(word);
        }

        return words.Length;
    }

    private static async Task AuditAsync(string question)
    {
        await Task.Yield();
        Console.WriteLine($"audit: {question}");
    }
}
