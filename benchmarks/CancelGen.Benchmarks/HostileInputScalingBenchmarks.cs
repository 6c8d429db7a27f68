using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using CancelGen.Analyzers.Rules;
using CancelGen.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CancelGen.Benchmarks;

/// <summary>
/// How the generator and the analyzers scale on the hostile inputs of the robustness corpus (<see cref="HostileInputs"/>):
/// each input at half the tested size (<see cref="Scale"/> 1) and at the tested size (<see cref="Scale"/> 2). Linear
/// work doubles from 1 to 2; the compiler's own diagnostics over the same input are the baseline to compare with.
/// </summary>
[MemoryDiagnoser]
public class HostileInputScalingBenchmarks
{
    private static readonly CSharpParseOptions ParseOptions = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest);

    private static readonly CompilationWithAnalyzersOptions SingleThreadedAnalysis = new(
        new AnalyzerOptions([]), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false);

    private SyntaxTree _tree = null!;
    private ImmutableArray<MetadataReference> _references;
    private ImmutableArray<DiagnosticAnalyzer> _analyzers;
    private Compilation _generated = null!;

    /// <summary>The kinds of hostile input.</summary>
    public enum Input
    {
        /// <summary><see cref="HostileInputs.HugeMethod"/>: statements in one method.</summary>
        Statements,

        /// <summary><see cref="HostileInputs.DeepNesting"/>: nesting depth.</summary>
        Nesting,

        /// <summary><see cref="HostileInputs.ManyMethods"/>: marked methods in one file.</summary>
        Methods,
    }

    /// <summary>Which input.</summary>
    [ParamsAllValues]
    public Input Kind { get; set; }

    /// <summary>1: half the size the robustness tests use; 2: that size.</summary>
    [Params(1, 2)]
    public int Scale { get; set; }

    /// <summary>The size of the input: statements, levels or methods.</summary>
    public int Size => Kind switch
    {
        Input.Statements => HostileInputs.HugeMethodStatements / 2 * Scale,
        Input.Nesting => HostileInputs.DeepNestingLevels / 2 * Scale,
        _ => HostileInputs.ManyMethodsCount / 2 * Scale,
    };

    [GlobalSetup]
    public void Setup()
    {
        var source = Kind switch
        {
            Input.Statements => HostileInputs.HugeMethod(Size),
            Input.Nesting => HostileInputs.DeepNesting(Size),
            _ => HostileInputs.ManyMethods(Size),
        };
        _tree = CSharpSyntaxTree.ParseText(source, ParseOptions, "Hostile.cs");
        var frameworkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        _references = [.. ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(path => string.Equals(Path.GetDirectoryName(path), frameworkDirectory, StringComparison.Ordinal) && path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path)),
            MetadataReference.CreateFromFile(typeof(RunContext).Assembly.Location)];
        _analyzers = [.. typeof(RunNotDisposedAnalyzer).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)];
        _generated = Generate();
        var errors = _generated.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException($"The {Kind} input of size {Size} does not compile:\n" + string.Join('\n', errors.Take(10)));
        }
    }

    /// <summary>The compiler's diagnostics over the input and its generated wrappers: the baseline.</summary>
    [Benchmark(Baseline = true)]
    public int CompilerDiagnostics() => _generated.RemoveAllSyntaxTrees().AddSyntaxTrees(_generated.SyntaxTrees).GetDiagnostics().Length;

    /// <summary>The <c>[StreamingRun]</c> generator over a fresh compilation of the input.</summary>
    [Benchmark]
    public int Generator() => Generate().SyntaxTrees.Count();

    /// <summary>Every CancelGen analyzer over a fresh compilation of the input and its wrappers.</summary>
    [Benchmark]
    public async Task<int> Analyzers() =>
        (await _generated.RemoveAllSyntaxTrees().AddSyntaxTrees(_generated.SyntaxTrees)
            .WithAnalyzers(_analyzers, SingleThreadedAnalysis).GetAnalyzerDiagnosticsAsync().ConfigureAwait(false)).Length;

    private Compilation Generate()
    {
        var compilation = CSharpCompilation.Create(
            "Hostile",
            [_tree],
            _references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, concurrentBuild: false));
        CSharpGeneratorDriver.Create([new StreamingRunGenerator().AsSourceGenerator()], parseOptions: ParseOptions)
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        return output;
    }
}
