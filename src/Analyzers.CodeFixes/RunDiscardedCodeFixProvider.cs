using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;

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
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        if (await FixDocument.LoadAsync(context.Document, context.CancellationToken).ConfigureAwait(false) is not { Root: var root, Model: var model, Symbols: var symbols })
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (FindStatement(root, model, symbols, diagnostic, context.CancellationToken) is not null)
            {
                Register(context, diagnostic, "Keep the run with 'await using var'", EquivalenceKey);
            }
        }
    }

    /// <inheritdoc/>
    private protected override async Task<Document> FixAsync(
        Document document, ImmutableArray<Diagnostic> diagnostics, string? equivalenceKey, CancellationToken cancellationToken)
    {
        if (await FixDocument.LoadAsync(document, cancellationToken).ConfigureAwait(false) is not { Root: var root, Model: var model, Symbols: var symbols })
        {
            return document;
        }

        var editor = new SyntaxEditor(root, document.Project.Solution.Services);
        var reservedNames = new HashSet<string>();
        foreach (var diagnostic in diagnostics.OrderBy(d => d.Location.SourceSpan.Start))
        {
            switch (FindStatement(root, model, symbols, diagnostic, cancellationToken))
            {
                case LocalDeclarationStatementSyntax declaration:
                    editor.ReplaceNode(declaration, (current, _) => RunDeclarations.WithAwaitUsing((LocalDeclarationStatementSyntax)current));
                    break;
                case ExpressionStatementSyntax statement when Creation(root, diagnostic) is { } creation:
                    var name = RunDeclarations.FreeName(statement, model, reservedNames);
                    var kept = RunDeclarations.Declaration(name, creation, awaitUsing: true, statement.GetLeadingTrivia(), RunDeclarations.EndOfLine(statement))
                        .WithTrailingTrivia(statement.GetTrailingTrivia());
                    editor.ReplaceNode(statement, kept);
                    break;
            }
        }

        return document.WithSyntaxRoot(editor.GetChangedRoot());
    }

    /// <summary>
    /// The statement the fix rewrites: the expression statement that drops the run (<c>X();</c>, <c>_ = X();</c>) or
    /// the declaration of the local that keeps it unused; <see langword="null"/> when no using declaration can go there.
    /// </summary>
    private static StatementSyntax? FindStatement(SyntaxNode root, SemanticModel model, RunSymbols symbols, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (Creation(root, diagnostic) is not { } creation)
        {
            return null;
        }

        switch (creation.Parent)
        {
            case ExpressionStatementSyntax statement when RunDeclarations.CanHoldAwaitUsing(statement):
                return statement;
            case AssignmentExpressionSyntax { Left: IdentifierNameSyntax { Identifier.ValueText: "_" }, Parent: ExpressionStatementSyntax statement } assignment
                when assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) && RunDeclarations.CanHoldAwaitUsing(statement):
                return statement;
            case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator }
                when model.GetDeclaredSymbol(declarator, cancellationToken) is ILocalSymbol local:
                return RunDeclarations.AwaitUsingCandidate(local, model, symbols, cancellationToken);
            default:
                return null;
        }
    }

    private static ExpressionSyntax? Creation(SyntaxNode root, Diagnostic diagnostic) =>
        root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is ExpressionSyntax creation
        && creation.Span == diagnostic.Location.SourceSpan
            ? creation
            : null;
}
