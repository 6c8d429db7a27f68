using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CancelGen.Analyzers.Rules;

/// <summary>
/// How a run handle's value moves through expressions that pass it on unchanged — conversions, <c>c ? a : b</c>,
/// <c>a ?? b</c>, switch expression arms, <c>x?.M()</c> — in both directions: up to where the value ends up
/// (<see cref="Carrier"/>), and down to the operations that may produce it (<see cref="Sources"/>). Shared by
/// CG0001 and CG0002 so that every expression yielding a run is treated alike.
/// </summary>
internal static class RunValueFlow
{
    private const int MaxDepth = 64;

    /// <summary>
    /// The outermost operation whose value is <paramref name="operation"/>'s value (or one of the alternatives it
    /// stands for): <paramref name="operation"/> climbed through conversions, the branches of <c>?:</c>, both sides
    /// of <c>??</c>, a switch expression arm's value, and the call a <c>?.</c> makes.
    /// </summary>
    public static IOperation Carrier(IOperation operation)
    {
        for (var depth = 0; depth < MaxDepth; depth++)
        {
            switch (operation.Parent)
            {
                case IConversionOperation conversion:
                    operation = conversion;
                    break;
                case IConditionalOperation conditional when conditional.WhenTrue == operation || conditional.WhenFalse == operation:
                    operation = conditional;
                    break;
                case ICoalesceOperation coalesce:
                    operation = coalesce;
                    break;
                case ISwitchExpressionArmOperation { Parent: ISwitchExpressionOperation @switch } arm when arm.Value == operation:
                    operation = @switch;
                    break;
                case IConditionalAccessOperation access when access.WhenNotNull == operation:
                    operation = access;
                    break;
                default:
                    return operation;
            }
        }

        return operation;
    }

    /// <summary>
    /// The operations that may produce <paramref name="value"/>'s run: <paramref name="value"/> without conversions,
    /// or, for <c>?:</c>, <c>??</c>, a switch expression and <c>x?.M()</c>, the sources of each alternative.
    /// </summary>
    public static List<IOperation> Sources(IOperation? value)
    {
        var sources = new List<IOperation>();
        AddSources(value, sources, 0);
        return sources;
    }

    /// <summary>Whether <paramref name="value"/> may yield a run this method creates: one of its <see cref="Sources"/> is a creation.</summary>
    public static bool MayCreate(IOperation? value)
    {
        foreach (var source in Sources(value))
        {
            if (IsCreation(source))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether <paramref name="source"/> creates (or receives from a call) a run: a call, an object creation or an
    /// <c>await</c> — not a local, field, property or parameter, which hold a run owned by whoever stored it.
    /// </summary>
    public static bool IsCreation(IOperation source) =>
        source is IInvocationOperation or IObjectCreationOperation or IAwaitOperation;

    /// <summary>
    /// Whether every alternative of <paramref name="value"/> is a run created here (or <c>null</c>, or a
    /// <c>throw</c>): none is a run owned elsewhere, so disposing the value ends only this method's runs.
    /// </summary>
    public static bool OnlyCreates(IOperation? value)
    {
        foreach (var source in Sources(value))
        {
            if (!IsCreation(source) && source is not IThrowOperation && source.ConstantValue is not { HasValue: true, Value: null })
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The first creation among <paramref name="value"/>'s sources, if any.</summary>
    public static IOperation? FirstCreation(IOperation? value)
    {
        foreach (var source in Sources(value))
        {
            if (IsCreation(source))
            {
                return source;
            }
        }

        return null;
    }

    private static void AddSources(IOperation? value, List<IOperation> sources, int depth)
    {
        value = StreamingRunOperations.WithoutConversions(value);
        if (value is null || depth > MaxDepth)
        {
            return;
        }

        switch (value)
        {
            case IConditionalOperation conditional:
                AddSources(conditional.WhenTrue, sources, depth + 1);
                AddSources(conditional.WhenFalse, sources, depth + 1);
                break;
            case ICoalesceOperation coalesce:
                AddSources(coalesce.Value, sources, depth + 1);
                AddSources(coalesce.WhenNull, sources, depth + 1);
                break;
            case ISwitchExpressionOperation @switch:
                foreach (var arm in @switch.Arms)
                {
                    AddSources(arm.Value, sources, depth + 1);
                }

                break;
            case IConditionalAccessOperation access:
                AddSources(access.WhenNotNull, sources, depth + 1);
                break;
            default:
                sources.Add(value);
                break;
        }
    }
}
