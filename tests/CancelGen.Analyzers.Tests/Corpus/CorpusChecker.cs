using System.Collections.Concurrent;
using System.Collections.Immutable;
using CancelGen.Analyzers.Tests.Robustness;
using CancelGen.Analyzers.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace CancelGen.Analyzers.Tests.Corpus;

/// <summary>
/// Puts one corpus input through what a build and an IDE do with it: the generator, then every analyzer over the
/// generated compilation, then every code fix (and Fix All) offered for the CancelGen diagnostics. Failures are
/// exceptions anywhere (thrown, AD0001, CS8785), errors inside generated files, an input missing its expectation,
/// and, for an input that is not a mutation, a fix whose result has a compiler error the input did not have.
/// </summary>
internal static class CorpusChecker
{
    /// <summary>Checks every input (in parallel) and returns a failure per problem, each naming its input.</summary>
    public static async Task<ImmutableArray<string>> CheckAllAsync(IEnumerable<CorpusInput> inputs)
    {
        var failures = new ConcurrentQueue<string>();
        var library = await BaseDocumentAsync(OutputKind.DynamicallyLinkedLibrary);
        var console = await BaseDocumentAsync(OutputKind.ConsoleApplication);
        await Parallel.ForEachAsync(inputs, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, async (input, _) =>
        {
            var document = RuleTestInputs.HasTopLevelStatements(input.Source) ? console : library;
            foreach (var problem in await CheckAsync(input, document.WithText(SourceText.From(input.Source))))
            {
                failures.Enqueue($"{input.Name}: {problem}\n--- source ({input.Source.Length} chars) ---\n{Excerpt(input.Source)}\n---");
            }
        });

        return [.. failures];
    }

    private static async Task<Document> BaseDocumentAsync(OutputKind kind)
    {
        var project = await AnalyzerHarness.CreateProjectAsync([""], outputKind: kind);
        _ = await project.GetCompilationAsync(); // the inputs fork this compilation instead of binding the references again
        return project.Documents.Single();
    }

    private static async Task<ImmutableArray<string>> CheckAsync(CorpusInput input, Document document)
    {
        var problems = ImmutableArray.CreateBuilder<string>();
        var compilation = (await document.Project.GetCompilationAsync())!;
        var generated = GeneratorPass.Run(compilation);
        problems.AddRange(generated.Crashes());

        // The compiler's errors are needed only to check an expectation or a fix: binding a big input again costs.
        var errors = new Lazy<ImmutableArray<string>>(() => GeneratorPass.Errors(generated.Output.GetDiagnostics()));
        switch (input.Expectation)
        {
            case CorpusExpectation.Compiles when !errors.Value.IsEmpty:
                problems.Add("expected to compile once generated, but: " + string.Join("; ", errors.Value.Take(5)));
                break;
            case CorpusExpectation.Rejected when errors.Value.IsEmpty && !generated.Diagnostics.Any(static d => d.Id.StartsWith("CG1", StringComparison.Ordinal)):
                problems.Add("expected a generator diagnostic or a compiler error, got neither");
                break;
        }

        var outcome = await AnalyzeAsync(document, generated.Output);
        problems.AddRange(outcome.Failures);

        problems.AddRange(await CodeFixRunner.RunAsync(
            outcome,
            fixAll: !input.IsMutation,
            verify: input.IsMutation ? null : solution => NewErrorsAsync(solution, document.Project.Id, errors.Value)));
        return problems.ToImmutable();
    }

    /// <summary>Every analyzer over the generated compilation; only the diagnostics in the input itself are kept (those are what fixes see).</summary>
    private static async Task<AnalysisOutcome> AnalyzeAsync(Document document, Compilation generated)
    {
        var exceptions = new ConcurrentQueue<string>();
        var options = new CompilationWithAnalyzersOptions(
            document.Project.AnalyzerOptions,
            onAnalyzerException: (exception, analyzer, _) => exceptions.Enqueue($"{analyzer.GetType().Name} threw {exception}"),
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: false);
        var tree = await document.GetSyntaxTreeAsync();
        var diagnostics = await generated.WithAnalyzers(AnalyzerCatalog.CreateAnalyzers(), options).GetAnalyzerDiagnosticsAsync();
        return new AnalysisOutcome(
            document.Project,
            [.. diagnostics.Where(d => d.Location.SourceTree is null || d.Location.SourceTree == tree || d.Id == "AD0001")],
            [.. exceptions]);
    }

    private static async Task<string?> NewErrorsAsync(Solution solution, ProjectId projectId, ImmutableArray<string> before)
    {
        var after = GeneratorPass.ErrorsAfterGeneration((await solution.GetProject(projectId)!.GetCompilationAsync())!);
        var remaining = before.ToList();
        var added = after.Where(error => !remaining.Remove(error)).ToList();
        if (added.Count == 0)
        {
            return null;
        }

        var text = await solution.GetProject(projectId)!.Documents.Single().GetTextAsync();
        return $"the fix adds compiler errors: {string.Join("; ", added.Take(5))}\n--- fixed ---\n{Excerpt(text.ToString())}";
    }

    /// <summary>The text, or its head and tail when it is too long to print (the huge inputs).</summary>
    private static string Excerpt(string text) =>
        text.Length <= 6000 ? text : text[..3000] + $"\n... {text.Length - 6000} chars left out ...\n" + text[^3000..];
}
