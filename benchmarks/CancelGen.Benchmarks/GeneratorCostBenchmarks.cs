using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using CancelGen.Generators;
using CancelGen.Synthetic.Sources;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CancelGen.Benchmarks;

/// <summary>
/// Generator time per marked method: the CancelGen <c>[StreamingRun]</c> generator against the
/// Microsoft.Extensions.Logging <c>[LoggerMessage]</c> generator (the baseline), on the synthetic generator project
/// of benchmarks/CancelGen.Synthetic: <see cref="Files"/> files of <see cref="MethodsPerFile"/> <c>[StreamingRun]</c>
/// methods plus as many files of as many <c>[LoggerMessage]</c> methods, in one compilation. Both generators see the
/// same compilation and the same number of marked methods, so the ratio of the times is the ratio per method.
/// Every invocation runs one generator from scratch (a new driver) over a fresh compilation (nothing bound), as a
/// full build does; the sources are parsed once in setup. Setup also prints the driver's own per-generator timing
/// with both generators in one driver: the figure <c>-p:ReportAnalyzer=true</c> reports.
/// </summary>
[MemoryDiagnoser]
public class GeneratorCostBenchmarks
{
    /// <summary>Marked methods per file (M), for both generators.</summary>
    public const int MethodsPerFile = 4;

    private ImmutableArray<SyntaxTree> _trees;
    private IIncrementalGenerator _loggerMessage = null!;

    /// <summary>Files of each kind (N).</summary>
    [Params(100, 1000)]
    public int Files { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var shape = new SyntheticShape(Files, MethodsPerFile);
        _trees = SyntheticCompilations.Parse([.. StreamingRunSources.Build(shape), .. LoggerMessageSources.Build(shape)]);
        _loggerMessage = PeerAssemblies.LoggerMessageGenerator();

        // Both generators' output compiles, and each produced one file per marked class.
        var driver = CSharpGeneratorDriver.Create(
                [new StreamingRunGenerator().AsSourceGenerator(), _loggerMessage.AsSourceGenerator()],
                parseOptions: SyntheticCompilations.ParseOptions)
            .RunGeneratorsAndUpdateCompilation(SyntheticCompilations.Create(_trees), out var output, out var diagnostics);
        if (diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            throw new InvalidOperationException("A generator reported errors:\n" + string.Join('\n', diagnostics.Take(20)));
        }

        SyntheticCompilations.ThrowOnErrors(output, "synthetic generator project plus generated code");
        var results = driver.GetRunResult().Results;
        Console.WriteLine($"// {shape.Total} [StreamingRun] + {shape.Total} [LoggerMessage] methods; generated files: " +
            string.Join(", ", results.Select(r => $"{r.Generator.GetGeneratorType().Name} {r.GeneratedSources.Length}")));

        // The driver's own accounting (what ReportAnalyzer prints), a few rounds after the JIT has warmed up.
        for (var round = 0; round < 3; round++)
        {
            var timing = CSharpGeneratorDriver.Create(
                    [new StreamingRunGenerator().AsSourceGenerator(), _loggerMessage.AsSourceGenerator()],
                    parseOptions: SyntheticCompilations.ParseOptions)
                .RunGenerators(SyntheticCompilations.Create(_trees))
                .GetTimingInfo();
            Console.WriteLine("// Driver timing, both generators in one driver: " + string.Join(", ", timing.GeneratorTimes.Select(t =>
                $"{t.Generator.GetGeneratorType().Name} {t.ElapsedTime.TotalMilliseconds:F1} ms ({t.ElapsedTime.TotalMilliseconds * 1000 / shape.Total:F1} µs/method)")));
        }
    }

    [Benchmark(Baseline = true)]
    public int LoggerMessageGenerator() => Run(_loggerMessage);

    [Benchmark]
    public int StreamingRunGenerator() => Run(new StreamingRunGenerator());

    private int Run(IIncrementalGenerator generator) =>
        CSharpGeneratorDriver.Create([generator.AsSourceGenerator()], parseOptions: SyntheticCompilations.ParseOptions)
            .RunGenerators(SyntheticCompilations.Create(_trees))
            .GetRunResult().Results[0].GeneratedSources.Length;
}
