using System.Collections.Concurrent;
using System.Collections.Immutable;
using CancelGen.Analyzers.Tests.Corpus;
using CancelGen.Analyzers.Tests.Support;
using CancelGen.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CancelGen.Analyzers.Tests.FalsePositives;

/// <summary>
/// Correct code draws no CancelGen diagnostic: the AgentConsole sample (not LeakyAgent, which leaks on purpose) and the
/// real-world usage patterns in <c>RealWorld/*.cs</c>, each compiled (with the generator's wrappers) without a single
/// compiler error first, so that the silence means the rules understood the code rather than gave up on it.
/// </summary>
public sealed class FalsePositiveGuardTests
{
    private static readonly string RealWorldFolder = Path.Combine(AnalyzerCatalog.RepoRoot, "tests", "CancelGen.Analyzers.Tests", "RealWorld");

    public static TheoryData<string> RealWorldFiles =>
        AnalyzerCatalog.TheoryData(Directory.EnumerateFiles(RealWorldFolder, "*.cs").Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(RealWorldFiles))]
    public async Task A_real_world_pattern_compiles_and_draws_no_CancelGen_diagnostic(string fileName)
    {
        var source = await File.ReadAllTextAsync(Path.Combine(RealWorldFolder, fileName));

        var problems = await CompileAndAnalyzeAsync([(fileName, source)], await GuardReferences.WebAppAsync(), OutputKind.DynamicallyLinkedLibrary);

        Assert.True(problems.IsEmpty, string.Join("\n", problems));
    }

    [Fact]
    public async Task The_AgentConsole_sample_compiles_and_draws_no_CancelGen_diagnostic()
    {
        var folder = Path.Combine(AnalyzerCatalog.RepoRoot, "samples", "AgentConsole");
        var files = Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(static path => !CorpusSources.IsBuildOutput(path))
            .Order(StringComparer.Ordinal)
            .Select(path => (Path.GetRelativePath(folder, path), File.ReadAllText(path)))
            .Append(("GlobalUsings.g.cs", CorpusSources.ImplicitUsings))
            .ToList();
        Assert.True(files.Count > 10, $"Expected the sample's source files under '{folder}', found {files.Count - 1}.");

        var problems = await CompileAndAnalyzeAsync(files, await GuardReferences.AgentConsoleAsync(), OutputKind.ConsoleApplication);

        Assert.True(problems.IsEmpty, string.Join("\n", problems));
    }

    [Fact]
    public void The_guard_covers_the_patterns_real_apps_use()
    {
        var all = string.Concat(Directory.EnumerateFiles(RealWorldFolder, "*.cs").Select(File.ReadAllText));

        Assert.All(
            ["await using", "ConfigureAwait(false)", "switch", " is ", "StreamEvents(", ".Where(", "IAsyncDisposable", "RequestAborted", "Channel<", "IServiceCollection", "[StreamingRun"],
            pattern => Assert.Contains(pattern, all, StringComparison.Ordinal));
    }

    /// <summary>Compiler errors (after the generator) and CancelGen diagnostics (and analyzer exceptions) of the files.</summary>
    private static async Task<ImmutableArray<string>> CompileAndAnalyzeAsync(
        IReadOnlyList<(string Path, string Source)> files, ImmutableArray<MetadataReference> references, OutputKind kind)
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        var compilation = CSharpCompilation.Create(
            "Guard",
            files.Select(file => CSharpSyntaxTree.ParseText(file.Source, parseOptions, file.Path)),
            references,
            new CSharpCompilationOptions(kind, nullableContextOptions: NullableContextOptions.Enable));
        var generated = GeneratorPass.Run(compilation);
        var problems = ImmutableArray.CreateBuilder<string>();
        problems.AddRange(generated.Crashes());
        problems.AddRange(generated.Output.GetDiagnostics().Where(static d => d.Severity == DiagnosticSeverity.Error).Select(static d => "compiler error: " + d));
        if (problems.Count > 0)
        {
            return problems.ToImmutable(); // a guard over code that does not compile proves nothing
        }

        var exceptions = new ConcurrentQueue<string>();
        var diagnostics = await generated.Output.WithAnalyzers(
            AnalyzerCatalog.CreateAnalyzers(),
            new CompilationWithAnalyzersOptions(new AnalyzerOptions([]), (exception, analyzer, _) => exceptions.Enqueue($"{analyzer.GetType().Name} threw {exception}"), concurrentAnalysis: true, logAnalyzerExecutionTime: false))
            .GetAnalyzerDiagnosticsAsync();
        problems.AddRange(exceptions);
        problems.AddRange(diagnostics.Where(static d => d.Id.StartsWith("CG", StringComparison.Ordinal) || d.Id == "AD0001").Select(static d => "false positive: " + d));
        return problems.ToImmutable();
    }
}
