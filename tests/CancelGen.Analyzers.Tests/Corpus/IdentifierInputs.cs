using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using CancelGen.Generators.Tests;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CancelGen.Analyzers.Tests.Corpus;

/// <summary>
/// Identifiers spelled the unusual ways C# allows: every baseline shape with each identifier's first letter written
/// as a Unicode escape (<c>\u0041gent</c> is <c>Agent</c>, so each must still compile once generated), and a program
/// whose types, methods and parameters are verbatim keywords (<c>@class</c>, <c>@event</c>).
/// </summary>
internal static class IdentifierInputs
{
    /// <summary>Names an escape would turn from a contextual keyword into a plain identifier (or that the language reads by spelling).</summary>
    private static readonly ImmutableHashSet<string> KeptAsWritten =
        ImmutableHashSet.Create(StringComparer.Ordinal, "var", "nameof", "dynamic", "notnull", "unmanaged", "value", "_", "global", "field", "args");

    /// <summary>The escaped shapes and the keyword program.</summary>
    public static ImmutableArray<CorpusInput> Inputs() =>
        [.. Shapes.All.Select(static shape => new CorpusInput($"shape {shape.Key} with escaped identifiers", Escape(shape.Value), CorpusExpectation.Compiles)),
         new CorpusInput("verbatim keyword identifiers", KeywordProgram, CorpusExpectation.Compiles)];

    /// <summary><paramref name="source"/> with the first letter of every plain identifier written as <c>\uXXXX</c>.</summary>
    public static string Escape(string source)
    {
        var root = CSharpSyntaxTree.ParseText(source).GetRoot();
        var text = new StringBuilder(source);
        foreach (var token in root.DescendantTokens(descendIntoTrivia: false).Where(IsEscapable).OrderByDescending(static t => t.SpanStart))
        {
            var escape = "\\u" + ((int)token.Text[0]).ToString("X4", CultureInfo.InvariantCulture);
            text.Remove(token.SpanStart, 1).Insert(token.SpanStart, escape);
        }

        return text.ToString();
    }

    private static bool IsEscapable(SyntaxToken token) =>
        token.IsKind(SyntaxKind.IdentifierToken)
        && token.Text.Length > 0
        && char.IsAsciiLetter(token.Text[0])
        && !KeptAsWritten.Contains(token.ValueText)
        && SyntaxFacts.GetContextualKeywordKind(token.ValueText) == SyntaxKind.None;

    private static readonly string KeywordProgram = """
        using System.Collections.Generic;
        using System.Runtime.CompilerServices;
        using System.Threading;
        using System.Threading.Tasks;
        using CancelGen;

        namespace @namespace.@class;

        public sealed record @event(string @string);

        public partial class @class
        {
            [StreamingRun]
            public async Task<string> @return(string @object, RunContext<@event> @params, CancellationToken @default)
            {
                await Task.Delay(1, @default);
                await @params.EmitAsync(new @event(@object));
                return @object;
            }

            [StreamingRun(MethodName = "IterateStreamed")]
            public static async IAsyncEnumerable<int> @foreach(int @in, [EnumeratorCancellation] CancellationToken @break = default)
            {
                await Task.Yield();
                yield return @in;
            }

            internal RunResultStreaming<@event, string> Use() => returnStreamed("x");

            internal static RunResultStreaming<int> UseStatic() => IterateStreamed(1);
        }

        public partial struct @struct
        {
            [StreamingRun]
            public readonly async Task @void(RunContext<int> @this)
            {
                await @this.EmitAsync(1);
            }
        }
        """;
}
