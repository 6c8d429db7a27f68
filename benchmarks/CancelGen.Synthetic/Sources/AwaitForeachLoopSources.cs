using System.Globalization;
using System.Text;

namespace CancelGen.Synthetic.Sources;

/// <summary>
/// The analyzer rows' project: <see cref="SyntheticShape.PerFile"/> <c>await foreach</c> loops per file, one per
/// method, <see cref="LoopsPerClass"/> methods per class, every method an <c>async Task&lt;int&gt;</c> with a <c>CancellationToken</c> in scope that the loop does
/// not pass on — the shape Meziantou's MA0079 (token in scope, method returns a task) and MA0080 report, and the
/// shape the CancelGen rules look at:
/// <list type="bullet">
/// <item>even methods are <c>[StreamingRun]</c> methods looping over an async sequence that was never given a
/// token (CG0004 reports it; CG0003 walks the body);</item>
/// <item>odd methods start a run and loop over its <c>StreamEvents()</c> (CG0001 follows the run handle, CG0002 its
/// creation); one in every <see cref="LeakEvery"/> of them never releases the run, so CG0001 reports it.</item>
/// </list>
/// </summary>
public static class AwaitForeachLoopSources
{
    /// <summary>One run-reading loop in this many leaks its run (the rest use <c>await using</c>).</summary>
    public const int LeakEvery = 5;

    /// <summary>
    /// Loops (methods) per class: a file holds as many classes as it needs. Classes of ordinary size matter for
    /// a fair comparison: a rule that looks through the containing type's members for a token pays per member.
    /// </summary>
    public const int LoopsPerClass = 10;

    /// <summary>The files of a project of <paramref name="shape"/>.</summary>
    /// <param name="shape">How many files and how many loops per file.</param>
    /// <returns>One file per <see cref="SyntheticShape.Files"/>.</returns>
    public static IReadOnlyList<SyntheticFile> Build(SyntheticShape shape)
    {
        shape.Validate();
        var files = new List<SyntheticFile>(shape.Files);
        for (var file = 0; file < shape.Files; file++)
        {
            files.Add(new SyntheticFile($"Loops/Loops{file:D4}.cs", File(file, shape.PerFile)));
        }

        return files;
    }

    private static string File(int file, int loops)
    {
        var text = new StringBuilder();
        text.Append("""
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;
            using CancelGen;

            namespace Synthetic.Loops;

            """);
        for (var first = 0; first < loops; first += LoopsPerClass)
        {
            text.Append(CultureInfo.InvariantCulture, $"public sealed partial class Loops{file:D4}_{first / LoopsPerClass:D2}\n{{\n");
            for (var loop = first; loop < Math.Min(loops, first + LoopsPerClass); loop++)
            {
                text.Append(loop % 2 == 0 ? MarkedMethodLoop(loop) : RunLoop(loop, leaks: loop / 2 % LeakEvery == 0)).Append('\n');
            }

            text.Append("""
                    private static async IAsyncEnumerable<int> Numbers(int count)
                    {
                        for (var n = 0; n < count; n++)
                        {
                            await Task.Yield();
                            yield return n;
                        }
                    }
                }

                """);
        }

        return text.ToString();
    }

    private static string MarkedMethodLoop(int loop) => $$"""
            [StreamingRun]
            public async Task<int> Sum{{loop}}Async(int count, RunContext<int> run, CancellationToken cancellationToken)
            {
                var sum = 0;
                await foreach (var value in Numbers(count))
                {
                    sum += value;
                    await run.EmitAsync(sum).ConfigureAwait(false);
                }

                return sum;
            }

        """;

    private static string RunLoop(int loop, bool leaks) => $$"""
            public async Task<int> Read{{loop}}Async(int count, CancellationToken cancellationToken)
            {
                {{(leaks ? "var" : "await using var")}} run = RunResultStreaming.Start<int>((context, token) => Numbers(count));
                var sum = 0;
                await foreach (var value in run.StreamEvents())
                {
                    sum += value;
                }

                return sum;
            }

        """;
}
