using System.Collections.Concurrent;
using CancelGen.Analyzers.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace CancelGen.Analyzers.Tests.Robustness;

/// <summary>
/// No analyzer throws (AD0001) and no code fix throws, on any program the rule tests use, on that program cut
/// short at evenly spaced points, or with one token deleted at random (a fixed seed per input, printed on failure);
/// and without the CancelGen runtime no rule fires at all.
/// </summary>
public sealed class NoAnalyzerThrowsTests
{
    // About 25 variants of ~110 inputs, each analyzed and offered to the fixes: ~30 s on two idle cores.
    private const int Truncations = 12;
    private const int TokenDeletions = 12;
    private const int BaseSeed = 6151;

    public static TheoryData<string> RuleTestFiles => AnalyzerCatalog.TheoryData(RuleTestInputs.FileNames);

    [Fact]
    public void The_rule_tests_provide_inputs() =>
        Assert.All(RuleTestInputs.FileNames, static file => Assert.NotEmpty(RuleTestInputs.Read(file)));

    [Theory]
    [MemberData(nameof(RuleTestFiles))]
    public async Task Analyzers_and_code_fixes_survive_every_input_and_its_broken_variants(string fileName)
    {
        var failures = new ConcurrentQueue<string>();
        var inputs = RuleTestInputs.Read(fileName);
        var seen = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal); // cuts inside a shared header repeat across inputs
        var firing = 0;

        await Task.WhenAll(inputs.Select((input, index) => Task.Run(async () =>
        {
            var seed = BaseSeed + index;
            var project = await AnalyzerHarness.CreateProjectAsync([input.Source], outputKind: OutputKindOf(input.Source));
            var document = project.Documents.Single();
            _ = await project.GetCompilationAsync(); // the variants fork this compilation instead of binding the references again
            foreach (var (variant, text) in Variants(input.Source, seed).Where(v => seen.TryAdd(v.Text, true)))
            {
                var whole = text == input.Source;
                var outcome = await AnalyzerHarness.AnalyzeAsync(document.WithText(SourceText.From(text)).Project);
                if (whole && outcome.RuleDiagnostics.Any())
                {
                    Interlocked.Increment(ref firing);
                }

                foreach (var failure in outcome.Failures.Concat(await CodeFixRunner.RunAsync(outcome, fixAll: whole)))
                {
                    failures.Enqueue($"{input.Name}, {variant} (seed {seed}): {failure}\n--- source ---\n{text}\n---");
                }
            }
        })));

        Assert.True(failures.IsEmpty, $"{failures.Count} failure(s):\n" + string.Join("\n\n", failures));
        Assert.True(firing > 0 || inputs.IsEmpty, $"No input of {fileName} reports a rule: the inputs are not read back as the rule tests build them.");
    }

    [Theory]
    [MemberData(nameof(RuleTestFiles))]
    public async Task Without_the_runtime_no_rule_fires_on_any_input(string fileName)
    {
        var failures = new ConcurrentQueue<string>();

        await Task.WhenAll(RuleTestInputs.Read(fileName).Select(input => Task.Run(async () =>
        {
            var outcome = await AnalyzerHarness.AnalyzeAsync(await AnalyzerHarness.CreateProjectAsync([input.Source], withRuntime: false, outputKind: OutputKindOf(input.Source)));
            foreach (var problem in outcome.Failures.Concat(outcome.Diagnostics.Where(static d => d.Id.StartsWith("CG", StringComparison.Ordinal)).Select(static d => d.ToString())))
            {
                failures.Enqueue($"{input.Name}: {problem}");
            }
        })));

        Assert.True(failures.IsEmpty, string.Join("\n", failures));
    }

    private static OutputKind OutputKindOf(string source) =>
        RuleTestInputs.HasTopLevelStatements(source) ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary;

    /// <summary>The whole source, <see cref="Truncations"/> prefixes of it, and <see cref="TokenDeletions"/> copies each missing one random token.</summary>
    private static IEnumerable<(string Variant, string Text)> Variants(string source, int seed)
    {
        yield return ("whole input", source);

        for (var i = 1; i <= Truncations; i++)
        {
            var length = source.Length * i / (Truncations + 1);
            yield return ($"cut at {length}", source[..length]);
        }

        var tokens = CSharpSyntaxTree.ParseText(source).GetRoot().DescendantTokens().Where(static t => !t.IsKind(SyntaxKind.EndOfFileToken)).ToArray();
        var random = new Random(seed);
        for (var i = 0; i < TokenDeletions && tokens.Length > 0; i++)
        {
            var token = tokens[random.Next(tokens.Length)];
            yield return ($"without '{token.Text}' at {token.SpanStart}", source.Remove(token.SpanStart, token.Span.Length));
        }
    }
}
