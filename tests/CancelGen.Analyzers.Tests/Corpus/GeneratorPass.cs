using System.Collections.Immutable;
using CancelGen.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CancelGen.Analyzers.Tests.Corpus;

/// <summary>The <c>[StreamingRun]</c> generator run over a compilation, as the compiler runs it before the analyzers.</summary>
internal static class GeneratorPass
{
    /// <summary>Runs the generator once over <paramref name="compilation"/>.</summary>
    public static GeneratorPassResult Run(Compilation compilation)
    {
        var parseOptions = (CSharpParseOptions)compilation.SyntaxTrees.First().Options;
        var driver = CSharpGeneratorDriver.Create([new StreamingRunGenerator().AsSourceGenerator()], parseOptions: parseOptions)
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        var result = driver.GetRunResult().Results.Single();
        return new GeneratorPassResult(output, [.. output.SyntaxTrees.Skip(compilation.SyntaxTrees.Count())], diagnostics, result.Exception);
    }

    /// <summary>The compiler errors of <paramref name="compilation"/> with the generator's output added, as id and message (locations move when a fix edits).</summary>
    public static ImmutableArray<string> ErrorsAfterGeneration(Compilation compilation) => Errors(Run(compilation).Output.GetDiagnostics());

    /// <summary>The errors among <paramref name="diagnostics"/>, as id and message, sorted.</summary>
    public static ImmutableArray<string> Errors(IEnumerable<Diagnostic> diagnostics) =>
        [.. diagnostics
            .Where(static d => d.Severity == DiagnosticSeverity.Error)
            .Select(static d => $"{d.Id}: {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}")
            .Order(StringComparer.Ordinal)];
}

/// <summary>What one generator run gave.</summary>
/// <param name="Output">The compilation with the generated trees added.</param>
/// <param name="GeneratedTrees">The generated trees.</param>
/// <param name="Diagnostics">The generator's and the driver's diagnostics (CG1xxx, CS8785 when the generator threw).</param>
/// <param name="Exception">The exception the generator threw, if it did.</param>
internal sealed record GeneratorPassResult(Compilation Output, ImmutableArray<SyntaxTree> GeneratedTrees, ImmutableArray<Diagnostic> Diagnostics, Exception? Exception)
{
    /// <summary>
    /// Problems the generator caused whatever its input: an exception, a driver crash report, or an error inside a
    /// generated file of a kind the input's own code does not have (a wrapper repeats its method's signature, so a
    /// method whose signature is an error, such as CS0051 inconsistent accessibility, has a wrapper with the same error).
    /// </summary>
    public IEnumerable<string> Crashes()
    {
        var inputErrorIds = new Lazy<HashSet<string>>(() => Output.SyntaxTrees.Except(GeneratedTrees)
            .SelectMany(tree => Output.GetSemanticModel(tree).GetDiagnostics())
            .Where(static d => d.Severity == DiagnosticSeverity.Error)
            .Select(static d => d.Id)
            .ToHashSet(StringComparer.Ordinal));
        if (Exception is not null)
        {
            yield return "the generator threw " + Exception;
        }

        foreach (var crash in Diagnostics.Where(static d => d.Id is "CS8784" or "CS8785"))
        {
            yield return "the driver reported " + crash;
        }

        foreach (var tree in GeneratedTrees)
        {
            var errors = Output.GetSemanticModel(tree).GetDiagnostics()
                .Where(d => d.Severity == DiagnosticSeverity.Error && !inputErrorIds.Value.Contains(d.Id))
                .ToList();
            if (errors.Count > 0)
            {
                yield return $"generated '{tree.FilePath}' has errors of its own: {string.Join("; ", errors.Take(5))}\n--- generated ---\n{tree}";
            }
        }
    }
}
