using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CancelGen.Analyzers.Rules;

/// <summary>
/// Where a release takes effect in the function that owns the run (CG0001). A release written directly in that
/// function takes effect where it stands. A release inside a lambda or local function takes effect only where
/// that function surely runs: where a local function is called, where a lambda is invoked on the spot
/// (<c>((Action)(() =&gt; run.Cancel()))()</c>), or where the delegate local holding it is invoked
/// (<c>cleanup()</c>, <c>await cleanup()</c>, <c>cleanup?.Invoke()</c>). A lambda handed to anything else — an event,
/// <c>token.Register(...)</c>, <c>Task.Run(...)</c>, a field — may never run, so it releases no path.
/// </summary>
internal static class RunReleasePoints
{
    private const int MaxDepth = 16;

    /// <summary>
    /// Adds to <paramref name="points"/> the operations of <paramref name="owner"/> (the lambda or local function
    /// that declares the run; <see langword="null"/> for the method body) at which <paramref name="release"/> runs.
    /// </summary>
    public static void Collect(IOperation release, IOperation? owner, List<IOperation> points)
    {
        var root = release;
        while (root.Parent is not null)
        {
            root = root.Parent;
        }

        Collect(release, owner, root, points, new HashSet<IOperation>(), 0);
    }

    private static void Collect(IOperation release, IOperation? owner, IOperation root, List<IOperation> points, HashSet<IOperation> visited, int depth)
    {
        StreamingRunOperations.EnclosingFunction(release, out var function);
        if (function == owner)
        {
            points.Add(release);
            return;
        }

        if (function is null || depth > MaxDepth || !visited.Add(function))
        {
            return; // outside the owner, too deep, or a function that calls itself
        }

        foreach (var call in CallsOf(function, root))
        {
            Collect(call, owner, root, points, visited, depth + 1);
        }
    }

    /// <summary>The operations that run <paramref name="function"/>'s body, as far as the operation tree shows.</summary>
    private static List<IOperation> CallsOf(IOperation function, IOperation root)
    {
        var calls = new List<IOperation>();
        switch (function)
        {
            case ILocalFunctionOperation localFunction:
                foreach (var operation in root.DescendantsAndSelf())
                {
                    if (operation is IInvocationOperation invocation
                        && SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.OriginalDefinition, localFunction.Symbol))
                    {
                        calls.Add(invocation);
                    }
                }

                break;
            case IAnonymousFunctionOperation lambda:
                AddLambdaCalls(lambda, root, calls);
                break;
        }

        return calls;
    }

    private static void AddLambdaCalls(IAnonymousFunctionOperation lambda, IOperation root, List<IOperation> calls)
    {
        IOperation @delegate = lambda;
        while (@delegate.Parent is IDelegateCreationOperation or IConversionOperation)
        {
            @delegate = @delegate.Parent;
        }

        ILocalSymbol holder;
        switch (@delegate.Parent)
        {
            case IInvocationOperation invocation when invocation.Instance == @delegate:
                calls.Add(invocation); // invoked on the spot
                return;
            case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                holder = declarator.Symbol;
                break;
            case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment when assignment.Value == @delegate:
                holder = target.Local;
                break;
            default:
                return; // handed to a method, an event, a field: it may never run
        }

        foreach (var operation in root.DescendantsAndSelf())
        {
            if (operation is IInvocationOperation { TargetMethod.MethodKind: MethodKind.DelegateInvoke } invocation
                && IsHolder(invocation.Instance, holder))
            {
                calls.Add(invocation);
            }
        }
    }

    /// <summary>Whether <paramref name="instance"/> is the delegate local (directly, or as the receiver of <c>?.Invoke()</c>).</summary>
    private static bool IsHolder(IOperation? instance, ILocalSymbol holder)
    {
        if (instance is IConditionalAccessInstanceOperation)
        {
            for (var current = instance.Parent; current is not null; current = current.Parent)
            {
                if (current is IConditionalAccessOperation access)
                {
                    instance = access.Operation;
                    break;
                }
            }
        }

        return StreamingRunOperations.WithoutConversions(instance) is ILocalReferenceOperation reference
            && SymbolEqualityComparer.Default.Equals(reference.Local, holder);
    }
}
