using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace CancelGen.Analyzers.Rules;

/// <summary>
/// CG0002: a call returning a run handle whose value is thrown away — an expression statement, <c>_ = ...</c>, a
/// pattern match that binds no local to it, or a local (declared, assigned, or bound by a pattern) that is never enumerated, released (<c>Cancel</c>/<c>CancelAsync</c>/<c>DisposeAsync</c>/<c>using</c>)
/// or handed on (returned, stored elsewhere, passed as an argument). Reading its status does not count. A local
/// that is enumerated but never released is CG0001's, not this rule's. The value is followed through
/// <c>?:</c>, <c>??</c>, switch expression arms and <c>?.</c> (<see cref="RunValueFlow.Carrier"/>).
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
            DiagnosticDescriptors.RunDiscarded, LocationOf(creation), StreamingRunOperations.CreatorName(creation)));
    }

    /// <summary>Where the diagnostic goes: the creation, or the whole <c>x?.AnswerStreamed(q)</c> when it is the call a <c>?.</c> makes.</summary>
    private static Location LocationOf(IOperation creation) =>
        creation.Parent is IConditionalAccessOperation access && access.WhenNotNull == creation
            ? access.Syntax.GetLocation()
            : creation.Syntax.GetLocation();

    private static bool IsThrownAway(IOperation creation, RunSymbols symbols)
    {
        // The run's value may pass through ?:, ??, a switch expression arm or ?. before it lands somewhere.
        var value = RunValueFlow.Carrier(creation);
        var locals = new List<ILocalSymbol>();
        switch (value.Parent)
        {
            case IExpressionStatementOperation:
            case ISimpleAssignmentOperation { Target: IDiscardOperation } discard when discard.Value == value:
                return true;
            case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                locals.Add(declarator.Symbol);
                break;
            case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment when assignment.Value == value:
                locals.Add(target.Local);
                break;
            case ICoalesceAssignmentOperation { Target: ILocalReferenceOperation target } assignment when assignment.Value == value:
                locals.Add(target.Local);
                break;
            default:
                if (!RunPatternLocals.IsMatched(value, out locals))
                {
                    return false;
                }

                break; // X() is { } run: kept only if a local the pattern binds is used; X() is null: thrown away
        }

        foreach (var local in locals)
        {
            if (IsKept(creation, local, symbols))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsKept(IOperation creation, ILocalSymbol local, RunSymbols symbols)
    {
        if (RunLocalUses.IsUsingDeclared(local))
        {
            return true;
        }

        foreach (var (_, use) in RunLocalUses.Collect(creation, local, symbols).References)
        {
            if (use is RunHandleUse.Enumerated or RunHandleUse.Released or RunHandleUse.Escaped)
            {
                return true;
            }
        }

        return false;
    }
}
