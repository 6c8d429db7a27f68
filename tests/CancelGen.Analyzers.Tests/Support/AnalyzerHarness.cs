using System.Collections.Concurrent;
using System.Collections.Immutable;
using CancelGen.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace CancelGen.Analyzers.Tests.Support;

/// <summary>
/// Builds a workspace project the way an IDE or the compiler host would (net10.0 references, optionally the
/// CancelGen runtime, optionally an <c>.editorconfig</c> over every file) and runs every analyzer over it,
/// recording analyzer exceptions instead of letting them become AD0001 warnings only.
/// </summary>
internal static class AnalyzerHarness
{
    private static readonly Lazy<Task<ImmutableArray<MetadataReference>>> Net10References =
        new(static () => TestReferences.Net10.ResolveAsync(LanguageNames.CSharp, CancellationToken.None));

    /// <summary>A project holding <paramref name="sources"/> as <c>/0/Test{i}.cs</c>.</summary>
    public static async Task<Project> CreateProjectAsync(
        IEnumerable<string> sources,
        bool withRuntime = true,
        string? editorConfigLines = null,
        ReportDiagnostic generalOption = ReportDiagnostic.Default,
        OutputKind outputKind = OutputKind.DynamicallyLinkedLibrary)
    {
        var references = await Net10References.Value;
        if (withRuntime)
        {
            references = references.Add(TestReferences.Runtime);
        }

        var projectId = ProjectId.CreateNewId();
#pragma warning disable CA2000 // The solution keeps the workspace's services; an AdhocWorkspace holds nothing else worth disposing.
        var solution = new AdhocWorkspace().CurrentSolution.AddProject(ProjectInfo.Create(
            projectId,
            VersionStamp.Default,
            name: "Test",
            assemblyName: "Test",
            LanguageNames.CSharp,
            filePath: "/0/Test.csproj",
            compilationOptions: new CSharpCompilationOptions(outputKind, generalDiagnosticOption: generalOption),
            parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
            metadataReferences: references));
#pragma warning restore CA2000
        solution = TestReferences.QuietCompilerNoise(solution, projectId);

        var index = 0;
        foreach (var source in sources)
        {
            solution = solution.AddDocument(DocumentId.CreateNewId(projectId), $"Test{index}.cs", SourceText.From(source), filePath: $"/0/Test{index}.cs");
            index++;
        }

        if (editorConfigLines is not null)
        {
            solution = solution.AddAnalyzerConfigDocument(
                DocumentId.CreateNewId(projectId),
                ".editorconfig",
                SourceText.From("root = true\n\n[*.cs]\n" + editorConfigLines + "\n"),
                filePath: "/.editorconfig");
        }

        return solution.GetProject(projectId)!;
    }

    /// <summary>Runs every analyzer (fresh instances) over <paramref name="project"/>.</summary>
    public static async Task<AnalysisOutcome> AnalyzeAsync(Project project, CancellationToken cancellationToken = default)
    {
        var compilation = (await project.GetCompilationAsync(cancellationToken))!;
        var exceptions = new ConcurrentQueue<string>();
        var options = new CompilationWithAnalyzersOptions(
            project.AnalyzerOptions,
            onAnalyzerException: (exception, analyzer, _) => exceptions.Enqueue($"{analyzer.GetType().Name} threw {exception}"),
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false);
        var diagnostics = await compilation
            .WithAnalyzers(AnalyzerCatalog.CreateAnalyzers(), options)
            .GetAllDiagnosticsAsync(cancellationToken);
        return new AnalysisOutcome(project, diagnostics, [.. exceptions]);
    }
}

/// <summary>What <see cref="AnalyzerHarness.AnalyzeAsync"/> saw: compiler and analyzer diagnostics, and analyzer exceptions.</summary>
internal sealed record AnalysisOutcome(Project Project, ImmutableArray<Diagnostic> Diagnostics, ImmutableArray<string> Exceptions)
{
    /// <summary>The diagnostics of the CancelGen usage rules.</summary>
    public IEnumerable<Diagnostic> RuleDiagnostics => Diagnostics.Where(static d => AnalyzerCatalog.RuleIdPattern().IsMatch(d.Id));

    /// <summary>The compiler's errors.</summary>
    public IEnumerable<Diagnostic> CompilerErrors =>
        Diagnostics.Where(static d => d.Severity == DiagnosticSeverity.Error && d.Id.StartsWith("CS", StringComparison.Ordinal));

    /// <summary>Analyzer exceptions, from the callback or as AD0001 diagnostics.</summary>
    public IEnumerable<string> Failures =>
        Exceptions.Concat(Diagnostics.Where(static d => d.Id == "AD0001").Select(static d => d.ToString()));
}
