using System.Collections.Immutable;
using CancelGen.Analyzers.Tests.Robustness;
using CancelGen.Analyzers.Tests.Support;
using CancelGen.Generators.Tests;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CancelGen.Analyzers.Tests.Corpus;

/// <summary>
/// The programs the corpus starts from, read from the repository at test time: the rule tests' inputs, the
/// generator tests' inputs (the baseline shapes and every C# literal of the generator test files), and the
/// samples' source files.
/// </summary>
internal static class CorpusSources
{
    /// <summary>The usings the generator tests put in front of a snippet that has none.</summary>
    private static readonly string GeneratorUsings = """
        using System;
        using System.Collections.Generic;
        using System.Runtime.CompilerServices;
        using System.Threading;
        using System.Threading.Tasks;
        using CancelGen;

        """;

    /// <summary>Every input of the analyzer rule tests, as the rule tests build them.</summary>
    public static ImmutableArray<CorpusInput> RuleTestInputs() =>
        [.. Robustness.RuleTestInputs.FileNames
            .SelectMany(static file => Robustness.RuleTestInputs.Read(file))
            .Select(static input => new CorpusInput(input.Name, input.Source, CorpusExpectation.Anything))];

    /// <summary>The generator's baseline shapes (which compile once generated) and the C# literals of its other tests.</summary>
    public static ImmutableArray<CorpusInput> GeneratorTestInputs()
    {
        var shapes = Shapes.All.Select(static pair => new CorpusInput($"shape {pair.Key}", pair.Value, CorpusExpectation.Compiles));
        var folder = Path.Combine(AnalyzerCatalog.RepoRoot, "tests", "CancelGen.Generators.Tests");
        var literals = Directory.EnumerateFiles(folder, "*Tests.cs")
            .Order(StringComparer.Ordinal)
            .SelectMany(static path => Literals(path));
        return [.. shapes, .. literals.DistinctBy(static input => input.Source, StringComparer.Ordinal)];
    }

    /// <summary>Every <c>.cs</c> file of the samples (the deliberately leaky one too), one input each.</summary>
    public static ImmutableArray<CorpusInput> SampleFiles() =>
        [.. Directory.EnumerateFiles(Path.Combine(AnalyzerCatalog.RepoRoot, "samples"), "*.cs", SearchOption.AllDirectories)
            .Where(static path => !IsBuildOutput(path))
            .Order(StringComparer.Ordinal)
            .Select(static path => new CorpusInput(
                Path.GetRelativePath(AnalyzerCatalog.RepoRoot, path).Replace('\\', '/'),
                ImplicitUsings + File.ReadAllText(path),
                CorpusExpectation.Anything))];

    /// <summary>The implicit usings of an SDK project (the samples turn them on).</summary>
    public static string ImplicitUsings { get; } = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;

        """;

    /// <summary>Whether <paramref name="path"/> lies in a <c>bin</c> or <c>obj</c> folder.</summary>
    public static bool IsBuildOutput(string path) =>
        path.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar).Any(static part => part is "bin" or "obj");

    private static IEnumerable<CorpusInput> Literals(string path)
    {
        var name = Path.GetFileName(path);
        foreach (var token in CSharpSyntaxTree.ParseText(File.ReadAllText(path)).GetRoot().DescendantTokens())
        {
            if (!token.IsKind(SyntaxKind.StringLiteralToken)
                && !token.IsKind(SyntaxKind.SingleLineRawStringLiteralToken)
                && !token.IsKind(SyntaxKind.MultiLineRawStringLiteralToken))
            {
                continue;
            }

            var text = Robustness.RuleTestInputs.StripMarkup(token.ValueText);
            if (!text.Contains("StreamingRun", StringComparison.Ordinal) || !(text.Contains("class ", StringComparison.Ordinal) || text.Contains("struct ", StringComparison.Ordinal)))
            {
                continue;
            }

            var source = text.Contains("using ", StringComparison.Ordinal) ? text : GeneratorUsings + text;
            yield return new CorpusInput($"{name}:{token.GetLocation().GetLineSpan().StartLinePosition.Line + 1}", source, CorpusExpectation.Anything);
        }
    }
}
