using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using CancelGen.Analyzers.Rules;
using CancelGen.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CancelGen.Benchmarks;

/// <summary>
/// What the CancelGen analyzers (CG0001–CG0004) add to a build: a synthetic project (<see cref="AnalyzerCorpus"/>)
/// compiled with compiler diagnostics only (baseline), with every CancelGen analyzer attached, and with the
/// analyzers attached to the same project minus the runtime-using files and the runtime reference (where the
/// rules register nothing). <see cref="NoOpOperationAnalyzer"/> separates the analyzer driver's own cost from the
/// rules'. The <c>[StreamingRun]</c> generator is measured on the full project for comparison.
/// Every method builds a fresh <see cref="CSharpCompilation"/> from the syntax trees parsed once in setup, so no
/// semantic work is cached between invocations; parsing is not measured. Compilation and analysis run on one
/// thread: the ratios are work added, not how well it spreads over the cores of a shared, busy machine.
/// </summary>
[MemoryDiagnoser]
public class AnalyzerCostBenchmarks
{
    private static readonly CSharpParseOptions ParseOptions = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.CSharp12);

    private static readonly CSharpCompilationOptions CompilationOptions = new(
        OutputKind.DynamicallyLinkedLibrary,
        nullableContextOptions: NullableContextOptions.Enable,
        concurrentBuild: false);

    private static readonly CompilationWithAnalyzersOptions SingleThreadedAnalysis = new(
        new AnalyzerOptions([]),
        onAnalyzerException: null,
        concurrentAnalysis: false,
        logAnalyzerExecutionTime: false);

    private ImmutableArray<SyntaxTree> _allTrees;
    private ImmutableArray<SyntaxTree> _treesWithoutRuntime;
    private ImmutableArray<MetadataReference> _references;
    private ImmutableArray<MetadataReference> _referencesWithoutRuntime;
    private ImmutableArray<DiagnosticAnalyzer> _analyzers;
    private readonly ImmutableArray<DiagnosticAnalyzer> _noOpAnalyzer = [new NoOpOperationAnalyzer()];

    // In-process runs share one JIT: without this, whichever method runs first pays for tiering Roslyn up.
    private static bool s_warmedUp;

    [GlobalSetup]
    public void Setup()
    {
        var files = AnalyzerCorpus.Build();
        _allTrees = [.. files.Select(f => CSharpSyntaxTree.ParseText(f.Source, ParseOptions, f.Path))];
        _treesWithoutRuntime = [.. files.Zip(_allTrees).Where(p => !p.First.UsesRuntime).Select(p => p.Second)];

        // The shared framework the benchmark runs on (implementation assemblies; fine for compiling a corpus).
        var frameworkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var trusted = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var framework = trusted
            .Where(path => string.Equals(Path.GetDirectoryName(path), frameworkDirectory, StringComparison.Ordinal))
            .Where(path => path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
        _referencesWithoutRuntime = framework;
        _references = framework.Add(MetadataReference.CreateFromFile(typeof(RunContext).Assembly.Location));

        _analyzers = [.. typeof(RunNotDisposedAnalyzer).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)];
        if (_analyzers.Length == 0)
        {
            throw new InvalidOperationException("No DiagnosticAnalyzer found in the CancelGen analyzer assembly.");
        }

        // The corpus must compile, with and without the runtime, and the generator's output too.
        var full = ThrowOnErrors(NewCompilation(_allTrees, _references), "corpus");
        ThrowOnErrors(NewCompilation(_treesWithoutRuntime, _referencesWithoutRuntime), "corpus without the runtime");
        CSharpGeneratorDriver.Create(new StreamingRunGenerator().AsSourceGenerator())
            .WithUpdatedParseOptions(ParseOptions)
            .RunGeneratorsAndUpdateCompilation(full, out var generated, out var generatorDiagnostics);
        if (generatorDiagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            throw new InvalidOperationException("The generator reported errors:\n" + string.Join('\n', generatorDiagnostics));
        }

        ThrowOnErrors(generated, "corpus plus generated code");

        var found = full.WithAnalyzers(_analyzers).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        var methods = _allTrees.Sum(t => t.GetRoot().DescendantNodes().Count(n => n is Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax));
        Console.WriteLine(
            $"// Corpus: {_allTrees.Length} files ({_allTrees.Length - _treesWithoutRuntime.Length} using the runtime), {methods} methods, " +
            $"{generated.SyntaxTrees.Count() - full.SyntaxTrees.Count()} generated files; analyzers: " +
            string.Join(", ", _analyzers.Select(a => a.GetType().Name)) + "; findings: " +
            string.Join(", ", found.GroupBy(d => d.Id).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} x{g.Count()}")));

        if (!s_warmedUp)
        {
            WarmUp();
            s_warmedUp = true;
        }

        // Where the analyzer time goes (the driver's own accounting: time spent in each analyzer's actions).
        var timed = NewCompilation(_allTrees, _references)
            .WithAnalyzers(_analyzers, new CompilationWithAnalyzersOptions(new AnalyzerOptions([]), null, concurrentAnalysis: false, logAnalyzerExecutionTime: true))
            .GetAnalysisResultAsync(CancellationToken.None).GetAwaiter().GetResult();
        Console.WriteLine("// Analyzer execution time: " + string.Join(", ", timed.AnalyzerTelemetryInfo
            .OrderBy(p => p.Key.GetType().Name, StringComparer.Ordinal)
            .Select(p => $"{p.Key.GetType().Name} {p.Value.ExecutionTime.TotalMilliseconds:F0} ms")));
    }

    [Benchmark(Baseline = true)]
    public int CompilerDiagnosticsOnly() =>
        NewCompilation(_allTrees, _references).GetDiagnostics().Length;

    /// <summary>The analyzer driver alone: an analyzer asking for the same operations as the rules, doing nothing.</summary>
    [Benchmark]
    public async Task<int> NoOpAnalyzerDriverOnly() =>
        (await NewCompilation(_allTrees, _references).WithAnalyzers(_noOpAnalyzer, SingleThreadedAnalysis).GetAllDiagnosticsAsync().ConfigureAwait(false)).Length;

    [Benchmark]
    public async Task<int> CancelGenAnalyzers() =>
        (await NewCompilation(_allTrees, _references).WithAnalyzers(_analyzers, SingleThreadedAnalysis).GetAllDiagnosticsAsync().ConfigureAwait(false)).Length;

    /// <summary>The same corpus as <see cref="CancelGenAnalyzersWithoutRuntimeReference"/>, compiler diagnostics only: its own baseline.</summary>
    [Benchmark]
    public int CompilerDiagnosticsOnlyWithoutRuntimeReference() =>
        NewCompilation(_treesWithoutRuntime, _referencesWithoutRuntime).GetDiagnostics().Length;

    [Benchmark]
    public async Task<int> CancelGenAnalyzersWithoutRuntimeReference() =>
        (await NewCompilation(_treesWithoutRuntime, _referencesWithoutRuntime).WithAnalyzers(_analyzers, SingleThreadedAnalysis).GetAllDiagnosticsAsync().ConfigureAwait(false)).Length;

    [Benchmark]
    public int StreamingRunGeneratorThenCompilerDiagnostics()
    {
        CSharpGeneratorDriver.Create(new StreamingRunGenerator().AsSourceGenerator())
            .WithUpdatedParseOptions(ParseOptions)
            .RunGeneratorsAndUpdateCompilation(NewCompilation(_allTrees, _references), out var output, out var generatorDiagnostics);
        return output.GetDiagnostics().Length + generatorDiagnostics.Length;
    }

    /// <summary>
    /// Runs every method until a round is no faster than the best before it. Roslyn is thousands of methods; the
    /// tiered JIT promotes them in the background only after a quiet spell, so the first several compilations in a
    /// process run partly unoptimized code, and in-process that would land on whichever benchmark runs first.
    /// </summary>
    private void WarmUp()
    {
        var best = TimeSpan.MaxValue;
        for (var round = 1; round <= 12; round++)
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            CompilerDiagnosticsOnly();
            NoOpAnalyzerDriverOnly().GetAwaiter().GetResult();
            CancelGenAnalyzers().GetAwaiter().GetResult();
            CompilerDiagnosticsOnlyWithoutRuntimeReference();
            CancelGenAnalyzersWithoutRuntimeReference().GetAwaiter().GetResult();
            StreamingRunGeneratorThenCompilerDiagnostics();
            watch.Stop();
            Console.WriteLine($"// Warm-up round {round}: {watch.Elapsed.TotalMilliseconds:F0} ms");
            if (round >= 4 && watch.Elapsed > best * 0.97)
            {
                return;
            }

            best = watch.Elapsed < best ? watch.Elapsed : best;

            // Give the background JIT its quiet spell to promote what this round made hot.
            Thread.Sleep(500);
        }
    }

    private static CSharpCompilation NewCompilation(ImmutableArray<SyntaxTree> trees, ImmutableArray<MetadataReference> references) =>
        CSharpCompilation.Create("Corpus", trees, references, CompilationOptions);

    private static Compilation ThrowOnErrors(Compilation compilation, string what)
    {
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException($"The {what} does not compile ({errors.Count} errors):\n" + string.Join('\n', errors.Take(20)));
        }

        return compilation;
    }
}
