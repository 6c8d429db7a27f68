using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CancelGen.Analyzers.Rules;

/// <summary>
/// Whether a release written in a <c>finally</c> or <c>catch</c> runs whenever that handler runs (CG0001). A release
/// under a condition in a handler (<c>finally { if (failed) run.Cancel(); }</c>, a loop, a switch, the right side
/// of <c>&amp;&amp;</c>, the null side of <c>??</c>, a nested <c>catch</c>) releases only some of the paths that
/// go through the handler, so it releases none for certain. The one condition that does not count is a null test
/// of the run itself (<c>if (run is not null)</c>, <c>run?.Cancel()</c>): when the run is null there is nothing to
/// release.
/// </summary>
internal static class RunHandlerReleases
{
    /// <summary>
    /// Whether <paramref name="release"/> (a reference to <paramref name="run"/> that releases it, or a call that
    /// does) runs whenever each <c>finally</c> or <c>catch</c> holding it runs. A release in neither is left to the
    /// control-flow path check and counts here.
    /// </summary>
    public static bool RunsWheneverItsHandlerRuns(IOperation release, ILocalSymbol run)
    {
        var conditional = false;
        for (IOperation child = release, parent = release.Parent!; parent is not null; child = parent, parent = parent.Parent!)
        {
            switch (parent)
            {
                case IAnonymousFunctionOperation or ILocalFunctionOperation:
                    return true; // the release's own function ends here
                case ITryOperation @try when @try.Finally == child:
                    if (conditional)
                    {
                        return false;
                    }

                    break;
                case ICatchClauseOperation:
                    if (conditional)
                    {
                        return false;
                    }

                    conditional = true; // a catch runs only when something throws: conditional for any outer handler
                    break;
                default:
                    conditional |= IsConditionalPart(parent, child, run);
                    break;
            }
        }

        return true;
    }

    /// <summary>Whether <paramref name="parent"/> runs its part <paramref name="child"/> only on some paths.</summary>
    private static bool IsConditionalPart(IOperation parent, IOperation child, ILocalSymbol run) => parent switch
    {
        IConditionalOperation conditional when conditional.Condition != child =>
            NonNullWhen(conditional.Condition, run) != (conditional.WhenTrue == child),
        IConditionalAccessOperation access when access.WhenNotNull == child => !IsRun(access.Operation, run),
        ICoalesceOperation coalesce => coalesce.WhenNull == child,
        IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.ConditionalOr } binary => binary.RightOperand == child,
        IForEachLoopOperation loop => loop.Collection != child,
        ILoopOperation => true,
        ISwitchCaseOperation or ISwitchExpressionArmOperation => true,
        _ => false,
    };

    /// <summary>
    /// <see langword="true"/> when <paramref name="condition"/> being true means <paramref name="run"/> is not null,
    /// <see langword="false"/> when it being false means that, <see langword="null"/> when it is no null test of the run.
    /// </summary>
    private static bool? NonNullWhen(IOperation condition, ILocalSymbol run)
    {
        condition = StreamingRunOperations.WithoutConversions(condition)!;
        switch (condition)
        {
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not, Operand: { } operand }:
                return !NonNullWhen(operand, run);
            case IIsPatternOperation { Value: { } value, Pattern: { } pattern } when IsRun(value, run):
                return pattern switch
                {
                    IConstantPatternOperation constant when IsNull(constant.Value) => false,
                    INegatedPatternOperation { Pattern: IConstantPatternOperation constant } when IsNull(constant.Value) => true,
                    IRecursivePatternOperation { PropertySubpatterns.IsEmpty: true, DeconstructionSubpatterns.IsEmpty: true } or IDeclarationPatternOperation { MatchesNull: false } or ITypePatternOperation => true,
                    _ => null,
                };
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } binary
                when (IsRun(binary.LeftOperand, run) && IsNull(binary.RightOperand)) || (IsRun(binary.RightOperand, run) && IsNull(binary.LeftOperand)):
                return binary.OperatorKind == BinaryOperatorKind.NotEquals;
            default:
                return null;
        }
    }

    private static bool IsRun(IOperation? operation, ILocalSymbol run) =>
        StreamingRunOperations.WithoutConversions(operation) is ILocalReferenceOperation reference
        && SymbolEqualityComparer.Default.Equals(reference.Local, run);

    private static bool IsNull(IOperation? operation) =>
        StreamingRunOperations.WithoutConversions(operation) is { ConstantValue: { HasValue: true, Value: null } };
}
