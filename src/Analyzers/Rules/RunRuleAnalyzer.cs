using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CancelGen.Analyzers.Rules;

/// <summary>
/// The base of every CancelGen usage rule: one descriptor, concurrent execution, generated code skipped, and the
/// rule's actions registered once per compilation — only when the compilation references the CancelGen runtime,
/// with the symbols the rule needs resolved once.
/// </summary>
public abstract class RunRuleAnalyzer : DiagnosticAnalyzer
{
    private protected RunRuleAnalyzer(DiagnosticDescriptor rule) => SupportedDiagnostics = ImmutableArray.Create(rule);

    /// <inheritdoc/>
    public sealed override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; }

    /// <inheritdoc/>
    public sealed override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            if (RunSymbols.TryCreate(start.Compilation) is { } symbols)
            {
                OnCompilationStart(start, symbols);
            }
        });
    }

    /// <summary>Registers the rule's actions for a compilation that references the runtime.</summary>
    private protected abstract void OnCompilationStart(CompilationStartAnalysisContext start, RunSymbols symbols);
}
