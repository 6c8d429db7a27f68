using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CancelGen.Analyzers.Rules;

/// <summary>
/// Control-flow-graph check behind CG0001: does every path from an <c>await foreach</c> over a run to the end of
/// its function (normal end, <c>break</c>, <c>return</c>, <c>goto</c>, <c>throw</c>) pass an operation that releases
/// the run or hands it on, directly or in a <c>finally</c> it leaves through?
/// </summary>
internal static class RunReleasePaths
{
    /// <summary>
    /// Whether every path from <paramref name="loop"/> out of its function passes one of <paramref name="releases"/>
    /// (the syntax of the references that release or hand on the run). <see langword="null"/> when the graph of the
    /// loop's function cannot be found (broken code): the caller then stays silent.
    /// </summary>
    public static bool? EveryPathReleases(ControlFlowGraph blockGraph, IForEachLoopOperation loop, ISet<SyntaxNode> releases)
    {
        var graph = FunctionGraph(blockGraph, loop);
        if (graph is null || StartBlock(graph, loop.Collection.Syntax) is not { } start)
        {
            return null;
        }

        var visited = new HashSet<int> { start.Ordinal };
        var pending = new Stack<ControlFlowBranch?>();
        pending.Push(start.FallThroughSuccessor);
        pending.Push(start.ConditionalSuccessor);
        while (pending.Count > 0)
        {
            if (pending.Pop() is not { } branch || LeavesThroughReleasingFinally(graph, branch, releases))
            {
                continue;
            }

            if (branch.Destination is not { } destination)
            {
                if (branch.Semantics is ControlFlowBranchSemantics.Throw or ControlFlowBranchSemantics.Rethrow
                    or ControlFlowBranchSemantics.StructuredExceptionHandling)
                {
                    return false;
                }

                continue;
            }

            if (destination.Kind == BasicBlockKind.Exit)
            {
                return false;
            }

            if (visited.Add(destination.Ordinal) && !Releases(destination, releases))
            {
                pending.Push(destination.FallThroughSuccessor);
                pending.Push(destination.ConditionalSuccessor);
            }
        }

        return true;
    }

    /// <summary>The graph of the lambda or local function holding <paramref name="operation"/> (the block's own graph when none does).</summary>
    private static ControlFlowGraph? FunctionGraph(ControlFlowGraph blockGraph, IOperation operation)
    {
        var functions = new Stack<IOperation>();
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                functions.Push(current);
            }
        }

        var graph = blockGraph;
        while (functions.Count > 0 && graph is not null)
        {
            graph = functions.Pop() switch
            {
                ILocalFunctionOperation local when graph.LocalFunctions.Contains(local.Symbol) => graph.GetLocalFunctionControlFlowGraph(local.Symbol),
                IAnonymousFunctionOperation anonymous when FlowFunction(graph, anonymous.Symbol) is { } flow => graph.GetAnonymousFunctionControlFlowGraph(flow),
                _ => null,
            };
        }

        return graph;
    }

    private static IFlowAnonymousFunctionOperation? FlowFunction(ControlFlowGraph graph, IMethodSymbol symbol)
    {
        foreach (var block in graph.Blocks)
        {
            foreach (var operation in Operations(block))
            {
                foreach (var node in operation.DescendantsAndSelf())
                {
                    if (node is IFlowAnonymousFunctionOperation flow && SymbolEqualityComparer.Default.Equals(flow.Symbol, symbol))
                    {
                        return flow;
                    }
                }
            }
        }

        return null;
    }

    /// <summary>The block that starts the loop: the one evaluating its collection.</summary>
    private static BasicBlock? StartBlock(ControlFlowGraph graph, SyntaxNode collection)
    {
        foreach (var block in graph.Blocks)
        {
            if (Contains(block, node => node == collection))
            {
                return block;
            }
        }

        return null;
    }

    private static bool LeavesThroughReleasingFinally(ControlFlowGraph graph, ControlFlowBranch branch, ISet<SyntaxNode> releases)
    {
        foreach (var region in branch.FinallyRegions)
        {
            for (var ordinal = region.FirstBlockOrdinal; ordinal <= region.LastBlockOrdinal; ordinal++)
            {
                if (Releases(graph.Blocks[ordinal], releases))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool Releases(BasicBlock block, ISet<SyntaxNode> releases) => Contains(block, releases.Contains);

    private static bool Contains(BasicBlock block, System.Func<SyntaxNode, bool> isWanted)
    {
        foreach (var operation in Operations(block))
        {
            foreach (var node in operation.DescendantsAndSelf())
            {
                if (isWanted(node.Syntax))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static IEnumerable<IOperation> Operations(BasicBlock block)
    {
        foreach (var operation in block.Operations)
        {
            yield return operation;
        }

        if (block.BranchValue is { } branchValue)
        {
            yield return branchValue;
        }
    }
}
