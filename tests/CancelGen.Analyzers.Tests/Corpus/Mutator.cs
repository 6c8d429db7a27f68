using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CancelGen.Analyzers.Tests.Corpus;

/// <summary>
/// Breaks a program the ways editing does: cut short, tokens deleted, duplicated or swapped. Every mutation is
/// drawn from a <see cref="Random"/> seeded by the input's name, so the name printed on failure replays it.
/// </summary>
internal static class Mutator
{
    private const int Truncations = 40;
    private const int Deletions = 40;
    private const int Duplications = 20;
    private const int Swaps = 20;

    /// <summary>Every mutation of <paramref name="input"/> (<see cref="CorpusMode.Full"/>) or a seeded sample of them.</summary>
    public static IEnumerable<CorpusInput> Mutate(CorpusInput input)
    {
        var seed = Seed(input.Name);
        var all = All(input.Source, seed).ToList();
        var chosen = CorpusMode.Full ? all : Sample(all, seed);
        return chosen.Select(m => new CorpusInput($"{input.Name} {m.Description} (seed {seed})", m.Text, CorpusExpectation.Anything, IsMutation: true));
    }

    /// <summary>A stable seed from <paramref name="name"/> (string.GetHashCode is randomized per process).</summary>
    public static int Seed(string name) => name.Aggregate(17, static (hash, c) => unchecked((hash * 31) + c));

    /// <summary>The same few mutations of the same input on every run: the head of a shuffle seeded by the input.</summary>
    private static IEnumerable<(string Description, string Text)> Sample(List<(string Description, string Text)> all, int seed)
    {
        var random = new Random(seed);
        return all.Select(m => (Mutation: m, Key: random.Next())).OrderBy(static p => p.Key).Take(CorpusMode.SampledMutationsPerInput).Select(static p => p.Mutation);
    }

    private static IEnumerable<(string Description, string Text)> All(string source, int seed)
    {
        for (var i = 1; i <= Truncations; i++)
        {
            var length = (int)((long)source.Length * i / (Truncations + 1));
            yield return ($"cut at {length}", source[..length]);
        }

        var tokens = CSharpSyntaxTree.ParseText(source).GetRoot().DescendantTokens()
            .Where(static t => !t.IsKind(SyntaxKind.EndOfFileToken) && t.Span.Length > 0)
            .ToArray();
        if (tokens.Length < 2)
        {
            yield break;
        }

        var random = new Random(seed);
        for (var i = 0; i < Deletions; i++)
        {
            var count = random.Next(1, 4);
            var deleted = Enumerable.Range(0, count).Select(_ => tokens[random.Next(tokens.Length)]).DistinctBy(static t => t.SpanStart).OrderByDescending(static t => t.SpanStart);
            var text = source;
            var described = new List<string>();
            foreach (var token in deleted)
            {
                text = text.Remove(token.SpanStart, token.Span.Length);
                described.Add($"'{token.Text}'@{token.SpanStart}");
            }

            yield return ($"without {string.Join(", ", described)}", text);
        }

        for (var i = 0; i < Duplications; i++)
        {
            var token = tokens[random.Next(tokens.Length)];
            yield return ($"with '{token.Text}'@{token.SpanStart} twice", source.Insert(token.Span.End, " " + token.Text));
        }

        for (var i = 0; i < Swaps; i++)
        {
            var at = random.Next(tokens.Length - 1);
            var (left, right) = (tokens[at], tokens[at + 1]);
            var text = source[..left.SpanStart] + right.Text + source[left.Span.End..right.SpanStart] + left.Text + source[right.Span.End..];
            yield return ($"with '{left.Text}'@{left.SpanStart} and '{right.Text}' swapped", text);
        }
    }
}
