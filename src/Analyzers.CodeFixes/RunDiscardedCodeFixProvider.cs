using System.Collections.Generic;
using System.Composition;
using System.Threading;
using CancelGen.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CancelGen.Analyzers.CodeFixes;

/// <summary>
/// Fixes CG0002 by keeping the run until the scope ends: <c>X();</c> and <c>_ = X();</c> become
/// <c>await using var run = X();</c>, and <c>var r = X();</c> becomes <c>await using var r = X();</c>. Offered
/// only where a using declaration can stand (a block of an async function or top-level code).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RunDiscardedCodeFixProvider))]
[Shared]
public sealed class RunDiscardedCodeFixProvider : RunRuleCodeFixProvider
{
    /// <summary>The equivalence key of the action that keeps the run in an <c>await using</c> local.</summary>
    public const string EquivalenceKey = "CG0002.AwaitUsing";

    /// <summary>Creates the fix.</summary>
    public RunDiscardedCodeFixProvider()
        : base(RuleIds.RunDiscarded)
    {
    }

    /// <inheritdoc/>
    private protected override IEnumerable<(string Title, string EquivalenceKey)> Actions(
        FixDocument document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (FindStatement(document, diagnostic, cancellationToken) is not null)
        {
            yield return ("Keep the run with 'await using var'", EquivalenceKey);
        }
    }

    /// <inheritdoc/>
    private protected override void Fix(FixBatch batch, Diagnostic diagnostic)
    {
        switch (FindStatement(batch.Document, diagnostic, batch.CancellationToken))
        {
            case LocalDeclarationStatementSyntax declaration:
                batch.Editor.ReplaceNode(declaration, (current, _) => RunDeclarations.WithAwaitUsing((LocalDeclarationStatementSyntax)current));
                break;
            case ExpressionStatementSyntax statement when batch.Document.NodeAt<ExpressionSyntax>(diagnostic) is { } creation:
                if (!batch.RewrittenStatements.Add(statement))
                {
                    break; // c ? X() : Y() holds two runs, each with its own diagnostic: the statement is rewritten once
                }

                var name = RunDeclarations.FreeName(statement, batch.Model, batch.ReservedNames);
                var kept = RunDeclarations.Declaration(name, KeptValue(creation), awaitUsing: true, statement.GetLeadingTrivia(), RunDeclarations.EndOfLine(statement))
                    .WithTrailingTrivia(statement.GetTrailingTrivia());
                batch.Editor.ReplaceNode(statement, kept);
                break;
        }
    }

    /// <summary>
    /// The expression whose value the fix keeps: the creation, or the <c>?:</c>, <c>??</c>, switch expression or
    /// <c>?.</c> it is one alternative of (parentheses and casts included).
    /// </summary>
    private static ExpressionSyntax KeptValue(ExpressionSyntax creation)
    {
        var value = creation;
        while (true)
        {
            switch (value.Parent)
            {
                case ParenthesizedExpressionSyntax or CastExpressionSyntax:
                case PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.SuppressNullableWarningExpression }:
                case BinaryExpressionSyntax { RawKind: (int)SyntaxKind.CoalesceExpression }:
                case ConditionalExpressionSyntax conditional when conditional.Condition != value:
                case ConditionalAccessExpressionSyntax access when access.WhenNotNull == value:
                    value = (ExpressionSyntax)value.Parent;
                    break;
                case SwitchExpressionArmSyntax { Parent: SwitchExpressionSyntax @switch } arm when arm.Expression == value:
                    value = @switch;
                    break;
                default:
                    return value;
            }
        }
    }

    /// <summary>
    /// The statement the fix rewrites: the expression statement that drops the run (<c>X();</c>, <c>_ = X();</c>) or
    /// the declaration of the local that keeps it unused; <see langword="null"/> when no using declaration can go there.
    /// </summary>
    private static StatementSyntax? FindStatement(FixDocument document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (document.NodeAt<ExpressionSyntax>(diagnostic) is not { } creation)
        {
            return null;
        }

        var model = document.Model;
        var kept = KeptValue(creation);
        if (!RunValueFlow.OnlyCreates(model.GetOperation(kept, cancellationToken)))
        {
            return null; // _run ?? X(): disposing the value could end a run owned elsewhere
        }

        switch (kept.Parent)
        {
            case ExpressionStatementSyntax statement when RunDeclarations.CanHoldAwaitUsing(statement):
                return statement;
            case AssignmentExpressionSyntax { Left: IdentifierNameSyntax { Identifier.ValueText: "_" }, Parent: ExpressionStatementSyntax statement } assignment
                when assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) && RunDeclarations.CanHoldAwaitUsing(statement):
                return statement;
            case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator }
                when model.GetDeclaredSymbol(declarator, cancellationToken) is ILocalSymbol local:
                return RunDeclarations.AwaitUsingCandidate(local, model, document.Symbols, cancellationToken);
            default:
                return null;
        }
    }
}
