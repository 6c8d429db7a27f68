using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CancelGen.Analyzers.Rules;

/// <summary>
/// Classifies what a reference to a run local does with the run, by looking up the operation tree from the
/// reference (a bounded walk of its parents). Shared by CG0001 (is the run released or handed on?) and CG0002
/// (is the run used at all?).
/// </summary>
internal static class RunHandleUses
{
    /// <summary>What <paramref name="reference"/> does with the run held by its local.</summary>
    public static RunHandleUse Classify(ILocalReferenceOperation reference, RunSymbols symbols)
    {
        if (reference.IsDeclaration)
        {
            return RunHandleUse.Written; // out var run
        }

        var value = RunValueFlow.Carrier(reference);
        if (RunPatternLocals.IsMatched(value, out var aliases) && aliases.Count > 0)
        {
            return RunHandleUse.Escaped; // run is { } alias: held by another local, as after var alias = run;
        }

        var parent = value.Parent;
        switch (parent)
        {
            case IArgumentOperation { Parameter.RefKind: RefKind.Out }:
                return RunHandleUse.Written;
            case ISimpleAssignmentOperation assignment when assignment.Target == value:
                return RunHandleUse.Written;
            case ISimpleAssignmentOperation assignment when assignment.Value == value:
                return assignment.Target is IDiscardOperation ? RunHandleUse.Read : RunHandleUse.Escaped;
            case IInvocationOperation invocation when invocation.Instance == value:
                return ClassifyCall(invocation.TargetMethod, symbols);
            case IConditionalAccessOperation conditional when conditional.Operation == value:
                return conditional.WhenNotNull is IInvocationOperation { Instance: IConditionalAccessInstanceOperation } call
                    ? ClassifyCall(call.TargetMethod, symbols)
                    : RunHandleUse.Read;
            case IUsingOperation:
                return RunHandleUse.Released;
            case IReturnOperation:
            case IArgumentOperation:
            case IVariableInitializerOperation:
            case IArrayInitializerOperation:
            case ICollectionExpressionOperation:
            case ITupleOperation:
            case ISpreadOperation:
            case IAnonymousObjectCreationOperation:
            case IPropertyInitializerOperation:
            case IFieldInitializerOperation:
            case IDeconstructionAssignmentOperation:
                return RunHandleUse.Escaped;
            default:
                return RunHandleUse.Read;
        }
    }

    private static RunHandleUse ClassifyCall(IMethodSymbol method, RunSymbols symbols)
    {
        if (symbols.IsRelease(method))
        {
            return RunHandleUse.Released;
        }

        return symbols.IsStreamEvents(method) ? RunHandleUse.Enumerated : RunHandleUse.Read;
    }
}
