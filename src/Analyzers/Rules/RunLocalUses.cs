using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace CancelGen.Analyzers.Rules;

/// <summary>
/// Everything one operation block does with one local that holds a run: each reference with its
/// <see cref="RunHandleUse"/>, and the values stored in it. Collected on demand, only for a local a rule already
/// suspects, by one walk of the block's operation tree.
/// </summary>
internal sealed class RunLocalUses
{
    private RunLocalUses(IOperation? declarator, List<(ILocalReferenceOperation Reference, RunHandleUse Use)> references, List<IOperation> values)
    {
        Declarator = declarator;
        References = references;
        Values = values;
    }

    /// <summary>The local's declarator (or the pattern declaring it), when the block declares it.</summary>
    public IOperation? Declarator { get; }

    /// <summary>Every reference to the local and what it does with the run.</summary>
    public IReadOnlyList<(ILocalReferenceOperation Reference, RunHandleUse Use)> References { get; }

    /// <summary>Every value stored in the local: its initializer, the value a pattern declaring it matches, and the right-hand sides of assignments.</summary>
    public IReadOnlyList<IOperation> Values { get; }

    /// <summary>Walks the operation block holding <paramref name="anyOperation"/> for the uses of <paramref name="local"/>.</summary>
    public static RunLocalUses Collect(IOperation anyOperation, ILocalSymbol local, RunSymbols symbols)
    {
        var root = anyOperation;
        while (root.Parent is not null)
        {
            root = root.Parent;
        }

        IOperation? declarator = null;
        var references = new List<(ILocalReferenceOperation, RunHandleUse)>();
        var values = new List<IOperation>();
        foreach (var operation in root.DescendantsAndSelf())
        {
            switch (operation)
            {
                case IVariableDeclaratorOperation variable when SymbolEqualityComparer.Default.Equals(variable.Symbol, local):
                    declarator = variable;
                    if (variable.GetVariableInitializer() is { Value: { } initial })
                    {
                        values.Add(initial);
                    }

                    break;
                case IPatternOperation pattern when SymbolEqualityComparer.Default.Equals(RunPatternLocals.DeclaredLocal(pattern), local):
                    declarator = pattern; // x is { } run: the pattern declares the local and stores the matched value in it
                    if (RunPatternLocals.InputOf(pattern) is { } matched)
                    {
                        values.Add(matched);
                    }

                    break;
                case ILocalReferenceOperation reference when SymbolEqualityComparer.Default.Equals(reference.Local, local):
                    var use = RunHandleUses.Classify(reference, symbols);
                    references.Add((reference, use));
                    if (use == RunHandleUse.Written && reference.Parent is ISimpleAssignmentOperation { Value: { } assigned })
                    {
                        values.Add(assigned);
                    }

                    break;
            }
        }

        return new RunLocalUses(declarator, references, values);
    }

    /// <summary>Whether the local is declared by <c>await using var</c> or in a <c>using (...)</c> statement's header.</summary>
    public static bool IsUsingDeclared(ILocalSymbol local)
    {
        foreach (var reference in local.DeclaringSyntaxReferences)
        {
            var declaration = reference.GetSyntax().Parent;
            switch (declaration?.Parent)
            {
                case LocalDeclarationStatementSyntax statement when statement.UsingKeyword.RawKind != 0:
                case UsingStatementSyntax:
                    return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether this method created the run it holds: some value stored in the local may come from a call, an object
    /// creation or an await, also through <c>?:</c>, <c>??</c>, a switch expression or <c>?.</c> (see
    /// <see cref="RunValueFlow.Sources"/>); a handle read from a field, property or parameter is owned elsewhere.
    /// </summary>
    public bool HoldsCreatedRun()
    {
        foreach (var value in Values)
        {
            if (RunValueFlow.MayCreate(value))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether some reference to the local does <paramref name="use"/>.</summary>
    public bool Any(RunHandleUse use)
    {
        foreach (var (_, recorded) in References)
        {
            if (recorded == use)
            {
                return true;
            }
        }

        return false;
    }
}
