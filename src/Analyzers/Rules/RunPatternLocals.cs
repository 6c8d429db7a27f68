using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CancelGen.Analyzers.Rules;

/// <summary>
/// Locals a pattern binds to the whole value it matches (<c>x is { } run</c>, <c>x is RunResultStreaming&lt;T&gt; run</c>,
/// <c>case var run:</c>, <c>x switch { { } run =&gt; ... }</c>): such a local holds that value as a declaration's
/// local holds its initializer. Locals bound to parts of the value (<c>x is { Run: var r }</c>) are not included.
/// </summary>
internal static class RunPatternLocals
{
    private const int MaxDepth = 64;

    /// <summary>
    /// Whether <paramref name="value"/> is the input of a pattern match (<c>is</c>, a <c>switch</c> statement or
    /// expression); <paramref name="locals"/> gets the locals the match binds to the whole of it.
    /// </summary>
    public static bool IsMatched(IOperation value, out List<ILocalSymbol> locals)
    {
        locals = [];
        switch (value.Parent)
        {
            case IIsPatternOperation isPattern when isPattern.Value == value:
                AddLocals(isPattern.Pattern, locals, 0);
                return true;
            case ISwitchOperation @switch when @switch.Value == value:
                foreach (var @case in @switch.Cases)
                {
                    foreach (var clause in @case.Clauses)
                    {
                        if (clause is IPatternCaseClauseOperation { Pattern: { } pattern })
                        {
                            AddLocals(pattern, locals, 0);
                        }
                    }
                }

                return true;
            case ISwitchExpressionOperation @switch when @switch.Value == value:
                foreach (var arm in @switch.Arms)
                {
                    AddLocals(arm.Pattern, locals, 0);
                }

                return true;
            default:
                return false;
        }
    }

    /// <summary>The value a pattern declaring a local matches, when the pattern binds the local to the whole of it.</summary>
    public static IOperation? InputOf(IPatternOperation pattern)
    {
        IOperation current = pattern;
        for (var depth = 0; depth < MaxDepth; depth++)
        {
            switch (current.Parent)
            {
                case IBinaryPatternOperation or INegatedPatternOperation:
                    current = current.Parent;
                    break;
                case IIsPatternOperation isPattern:
                    return isPattern.Value;
                case IPatternCaseClauseOperation { Parent: ISwitchCaseOperation { Parent: ISwitchOperation @switch } }:
                    return @switch.Value;
                case ISwitchExpressionArmOperation { Parent: ISwitchExpressionOperation @switch } arm when arm.Pattern == current:
                    return @switch.Value;
                default:
                    return null;
            }
        }

        return null;
    }

    /// <summary>The local <paramref name="pattern"/> itself declares, if any.</summary>
    public static ILocalSymbol? DeclaredLocal(IPatternOperation pattern) => pattern switch
    {
        IDeclarationPatternOperation declaration => declaration.DeclaredSymbol as ILocalSymbol,
        IRecursivePatternOperation recursive => recursive.DeclaredSymbol as ILocalSymbol,
        IListPatternOperation list => list.DeclaredSymbol as ILocalSymbol,
        _ => null,
    };

    private static void AddLocals(IPatternOperation pattern, List<ILocalSymbol> locals, int depth)
    {
        if (depth > MaxDepth)
        {
            return;
        }

        if (DeclaredLocal(pattern) is { } local)
        {
            locals.Add(local);
        }

        switch (pattern)
        {
            case IBinaryPatternOperation binary:
                AddLocals(binary.LeftPattern, locals, depth + 1);
                AddLocals(binary.RightPattern, locals, depth + 1);
                break;
            case INegatedPatternOperation negated:
                AddLocals(negated.Pattern, locals, depth + 1);
                break;
        }
    }
}
