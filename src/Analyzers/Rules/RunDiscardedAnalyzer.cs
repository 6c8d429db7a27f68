using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace CancelGen.Analyzers.Rules;

/// <summary>
/// CG0002: a call returning a run handle whose value is thrown away — an expression statement, <c>_ = ...</c>, or
/// a local that is never enumerated, released (<c>Cancel</c>/<c>CancelAsync</c>/<c>DisposeAsync</c>/<c>using</c>)
/// or handed on (returned, stored elsewhere, passed as an argument). Reading its status does not count. A local
/// that is enumerated but never released is CG0001's, not this rule's.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RunDiscardedAnalyzer : RunRuleAnalyzer
{
    /// <summary>Creates the rule.</summary>
    public RunDiscardedAnalyzer()
        : base(DiagnosticDescriptors.RunDiscarded)
    {
    }

    /// <inheritdoc/>
    private protected override void OnCompilationStart(CompilationStartAnalysisContext start, RunSymbols symbols) =>
        start.RegisterOperationAction(context => AnalyzeCreation(context, symbols), OperationKind.Invocation, OperationKind.Await);

    private static void AnalyzeCreation(OperationAnalysisContext context, RunSymbols symbols)
    {
        var creation = context.Operation;
        if (!symbols.IsRun(creation.Type) || !IsThrownAway(creation, symbols))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            DiagnosticDescriptors.RunDiscarded, creation.Syntax.GetLocation(), StreamingRunOperations.CreatorName(creation)));
    }

    private static bool IsThrownAway(IOperation creation, RunSymbols symbols)
    {
        var value = creation;
        while (value.Parent is IConversionOperation conversion)
        {
            value = conversion;
        }

        ILocalSymbol local;
        switch (value.Parent)
        {
            case IExpressionStatementOperation:
            case ISimpleAssignmentOperation { Target: IDiscardOperation } discard when discard.Value == value:
                return true;
            case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                local = declarator.Symbol;
                break;
            case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment when assignment.Value == value:
                local = target.Local;
                break;
            default:
                return false;
        }

        if (RunLocalUses.IsUsingDeclared(local))
        {
            return false;
        }

        foreach (var (_, use) in RunLocalUses.Collect(creation, local, symbols).References)
        {
            if (use is RunHandleUse.Enumerated or RunHandleUse.Released or RunHandleUse.Escaped)
            {
                return false;
            }
        }

        return true;
    }
}
