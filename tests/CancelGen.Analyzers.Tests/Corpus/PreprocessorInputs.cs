using System.Collections.Immutable;

namespace CancelGen.Analyzers.Tests.Corpus;

/// <summary>
/// Marked methods, attributes and wrapper calls under <c>#if</c>: one program, compiled with each combination of
/// its two symbols defined, so every branch is the active one once (and the others inactive trivia).
/// </summary>
internal static class PreprocessorInputs
{
    private static readonly string Program = """
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using CancelGen;

        namespace Conditional;

        public partial class Builds
        {
        #if DEBUG
            [StreamingRun]
            public async Task TraceAsync(RunContext<string> run)
            {
                await run.EmitAsync("debug");
            }

            internal RunResultStreaming<string> Use() => TraceStreamed();
        #else
            [StreamingRun]
            public async Task TraceAsync(RunContext<string> run, CancellationToken cancellationToken)
            {
                await Task.Delay(1, cancellationToken);
                await run.EmitAsync("release");
            }

            internal RunResultStreaming<string> Use() => TraceStreamed(CancellationToken.None);
        #endif

        #if FEATURE
            [StreamingRun(MethodName = "FeatureStreamed")]
        #elif DEBUG
            [StreamingRun]
        #endif
            public async Task MaybeAsync(RunContext<int> run)
            {
        #if FEATURE
                await run.EmitAsync(1);
        #else
                await run.EmitAsync(2);
        #endif
            }

            public async Task<int> ReadAsync()
            {
        #if FEATURE
                await using var run = FeatureStreamed();
        #elif DEBUG
                await using var run = MaybeStreamed();
        #else
                await using var run = Use();
        #endif
                var count = 0;
                await foreach (var _ in run.StreamEvents())
                {
                    count++;
                }

                return count;
            }
        }
        """;

    /// <summary>The program under each combination of <c>DEBUG</c> and <c>FEATURE</c>.</summary>
    public static ImmutableArray<CorpusInput> Inputs() =>
        [.. new[] { "", "DEBUG", "FEATURE", "DEBUG FEATURE" }.Select(static symbols => new CorpusInput(
            $"#if branches with [{symbols}] defined",
            string.Concat(symbols.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(static s => $"#define {s}\n")) + Program,
            CorpusExpectation.Compiles))];
}
