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
internal sealed class RunReleasePoints
{
    private const int MaxDepth = 16;

    private readonly IOperation? _owner;
    private readonly Dictionary<ISymbol, List<IOperation>> _calls = new(SymbolEqualityComparer.Default);

    /// <summary>Indexes, in one walk of <paramref name="anyOperation"/>'s operation block, every call of a local function or delegate local.</summary>
    /// <param name="anyOperation">Any operation of the block.</param>
    /// <param name="owner">The lambda or local function that declares the run; <see langword="null"/> for the method body.</param>
    public RunReleasePoints(IOperation anyOperation, IOperation? owner)
    {
        _owner = owner;
        var root = anyOperation;
        while (root.Parent is not null)
        {
            root = root.Parent;
        }

        foreach (var operation in root.DescendantsAndSelf())
        {
            if (operation is not IInvocationOperation invocation)
            {
                continue;
            }

            ISymbol? callee = invocation.TargetMethod.MethodKind switch
            {
                MethodKind.LocalFunction => invocation.TargetMethod.OriginalDefinition,
                MethodKind.DelegateInvoke => HolderOf(invocation.Instance),
                _ => null,
            };
            if (callee is null)
            {
                continue;
            }

            if (!_calls.TryGetValue(callee, out var calls))
            {
                _calls[callee] = calls = [];
            }

            calls.Add(invocation);
        }
    }

    /// <summary>Adds to <paramref name="points"/> the operations of the owner at which <paramref name="release"/> runs.</summary>
    public void Collect(IOperation release, List<IOperation> points) => Collect(release, points, new HashSet<IOperation>(), 0);

    private void Collect(IOperation release, List<IOperation> points, HashSet<IOperation> visited, int depth)
    {
        StreamingRunOperations.EnclosingFunction(release, out var function);
        if (function == _owner)
        {
            points.Add(release);
            return;
        }

        if (function is null || depth > MaxDepth || !visited.Add(function))
        {
            return; // outside the owner, too deep, or a function that calls itself
        }

        foreach (var call in CallsOf(function))
        {
            Collect(call, points, visited, depth + 1);
        }
    }

    /// <summary>The operations that run <paramref name="function"/>'s body, as far as the operation tree shows.</summary>
    private List<IOperation> CallsOf(IOperation function)
    {
        switch (function)
        {
            case ILocalFunctionOperation localFunction:
                return CallsOf(localFunction.Symbol);
            case IAnonymousFunctionOperation lambda:
                IOperation @delegate = lambda;
                while (@delegate.Parent is IDelegateCreationOperation or IConversionOperation)
                {
                    @delegate = @delegate.Parent;
                }

                return @delegate.Parent switch
                {
                    IInvocationOperation invocation when invocation.Instance == @delegate => [invocation], // invoked on the spot
                    IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } => CallsOf(declarator.Symbol),
                    ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment when assignment.Value == @delegate => CallsOf(target.Local),
                    _ => [], // handed to a method, an event, a field: it may never run
                };
            default:
                return [];
        }
    }

    private List<IOperation> CallsOf(ISymbol callee) => _calls.TryGetValue(callee, out var calls) ? calls : [];

    /// <summary>The delegate local a delegate invocation calls (directly, or as the receiver of <c>?.Invoke()</c>).</summary>
    private static ILocalSymbol? HolderOf(IOperation? instance)
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

        return (StreamingRunOperations.WithoutConversions(instance) as ILocalReferenceOperation)?.Local;
    }
}
