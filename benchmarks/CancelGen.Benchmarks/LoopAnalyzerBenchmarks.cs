using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using CancelGen.Analyzers.Rules;
using CancelGen.Synthetic.Sources;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CancelGen.Benchmarks;

/// <summary>
/// CG0001–CG0004 against Meziantou's MA0079/MA0080 (the baseline) on the synthetic loop project of
/// benchmarks/CancelGen.Synthetic: <see cref="Files"/> files of <see cref="LoopsPerFile"/> <c>await foreach</c> loops.
/// Each invocation analyzes a fresh compilation on one thread with one side's analyzers (the four CancelGen rule
/// types, or Meziantou's <c>UseAnOverloadThatHasCancellationTokenAnalyzer</c> with MA0079 and MA0080 on and MA0032 and
/// MA0040 off), so the wall time includes the binding the analyzer driver does for them; setup prints the driver's
/// own per-analyzer execution time, the figure <c>-p:ReportAnalyzer=true</c> reports. In-process, the Meziantou side
/// takes tens of seconds per 1,000 loops on this machine, so the BenchmarkDotNet run uses 1,000 loops; the
/// 10,000-loop row is measured by the build (<c>CancelGen.Synthetic measure loops</c>).
/// </summary>
[MemoryDiagnoser]
public class LoopAnalyzerBenchmarks
{
    /// <summary>Loops per file.</summary>
    public const int LoopsPerFile = 100;

    private static readonly ImmutableDictionary<string, ReportDiagnostic> RuleOptions = ImmutableDictionary<string, ReportDiagnostic>.Empty
        .Add("MA0079", ReportDiagnostic.Warn)
        .Add("MA0080", ReportDiagnostic.Warn)
        .Add("MA0032", ReportDiagnostic.Suppress)
        .Add("MA0040", ReportDiagnostic.Suppress);

    private ImmutableArray<SyntaxTree> _trees;
    private ImmutableArray<DiagnosticAnalyzer> _cancelGen;
    private ImmutableArray<DiagnosticAnalyzer> _meziantou;

    /// <summary>Files of <see cref="LoopsPerFile"/> loops.</summary>
    [Params(10)]
    public int Files { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _trees = SyntheticCompilations.Parse(AwaitForeachLoopSources.Build(new SyntheticShape(Files, LoopsPerFile)));
        _cancelGen = [.. typeof(RunNotDisposedAnalyzer).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)];
        _meziantou = [PeerAssemblies.MeziantouLoopAnalyzer()];
        SyntheticCompilations.ThrowOnErrors(SyntheticCompilations.Create(_trees, RuleOptions), "synthetic loop project");

        // What each side finds, and the driver's own execution time per analyzer (what ReportAnalyzer prints).
        foreach (var (side, analyzers) in new[] { ("CancelGen", _cancelGen), ("Meziantou", _meziantou) })
        {
            var result = SyntheticCompilations.Create(_trees, RuleOptions)
                .WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(new AnalyzerOptions([]), null, concurrentAnalysis: false, logAnalyzerExecutionTime: true))
                .GetAnalysisResultAsync(CancellationToken.None).GetAwaiter().GetResult();
            var found = result.GetAllDiagnostics().GroupBy(d => d.Id).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} x{g.Count()}");
            var time = result.AnalyzerTelemetryInfo.Sum(p => p.Value.ExecutionTime.TotalMilliseconds);
            Console.WriteLine($"// {side} on {Files * LoopsPerFile} loops: {string.Join(", ", found)}; driver execution time {time:F0} ms");
        }
    }

    [Benchmark(Baseline = true)]
    public Task<int> MeziantouMA0079MA0080() => Analyze(_meziantou);

    [Benchmark]
    public Task<int> CancelGenCG0001ToCG0004() => Analyze(_cancelGen);

    private async Task<int> Analyze(ImmutableArray<DiagnosticAnalyzer> analyzers) =>
        (await SyntheticCompilations.Create(_trees, RuleOptions)
            .WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(new AnalyzerOptions([]), null, concurrentAnalysis: false, logAnalyzerExecutionTime: false))
            .GetAnalyzerDiagnosticsAsync()
            .ConfigureAwait(false)).Length;
}
