using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CancelGen.Benchmarks;

// Rules for analyzers that ship to a compiler (target netstandard2.0, extended rules, release tracking): this one
// is only ever created in-process by the benchmark, never loaded by a compiler.
#pragma warning disable RS1036, RS1041, RS2008

/// <summary>
/// For <see cref="AnalyzerCostBenchmarks"/>: an analyzer that asks for the same operation kinds as the CancelGen
/// rules in every method body and does nothing with them. It measures what the analyzer driver costs (operation
/// trees, compilation events) before any rule logic runs; in a real build the SDK's own analyzers already pay it.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class NoOpOperationAnalyzer : DiagnosticAnalyzer
{
    // Never reported; an analyzer whose diagnostics are all disabled (or that has none) is not run at all.
    private static readonly DiagnosticDescriptor Never = new(
        "BENCH0001", "Never reported", "Never reported", "Benchmark", DiagnosticSeverity.Hidden, isEnabledByDefault: true);

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Never];

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            start.RegisterOperationAction(static _ => { }, OperationKind.Invocation, OperationKind.Await, OperationKind.Loop);
            start.RegisterOperationBlockStartAction(static block =>
            {
                block.RegisterOperationAction(static _ => { }, OperationKind.Invocation, OperationKind.ObjectCreation, OperationKind.LocalReference);
                block.RegisterOperationBlockEndAction(static _ => { });
            });
        });
    }
}
