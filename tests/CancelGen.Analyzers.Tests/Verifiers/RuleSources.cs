namespace CancelGen.Analyzers.Tests.Verifiers;

/// <summary>Source text the rule tests share: the usings every input starts with, and a small agent that starts runs.</summary>
internal static class RuleSources
{
    /// <summary>The usings every rule test input starts with.</summary>
    public const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Runtime.CompilerServices;
        using System.Threading;
        using System.Threading.Tasks;
        using CancelGen;

        """;

    /// <summary>
    /// An agent whose methods return run handles (<c>AnswerStreamed</c>, <c>AnswerLaterAsync</c>), and an
    /// extension operator over <c>IAsyncEnumerable</c> (<c>Only</c>), for the CG0001/CG0002 inputs to call.
    /// </summary>
    public const string Agent = """

        public sealed class Agent
        {
            public RunResultStreaming<string> AnswerStreamed(string question) =>
                RunResultStreaming.Start<string>((run, ct) => Words(question, ct));

            public Task<RunResultStreaming<string>> AnswerLaterAsync(string question) => Task.FromResult(AnswerStreamed(question));

            private static async IAsyncEnumerable<string> Words(string question, [EnumeratorCancellation] CancellationToken ct)
            {
                await Task.Yield();
                yield return question;
            }
        }

        public static class StreamOperators
        {
            public static async IAsyncEnumerable<T> Only<T>(this IAsyncEnumerable<T> source, Func<T, bool> keep)
            {
                await foreach (var item in source)
                {
                    if (keep(item))
                    {
                        yield return item;
                    }
                }
            }
        }
        """;
}
