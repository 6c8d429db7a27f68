using System.Collections.Generic;
using System.Linq;
using System.Threading;
using CancelGen.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CancelGen.Analyzers.CodeFixes;

/// <summary>
/// Syntax the CG0001 and CG0002 fixes share: turning a run's declaration into <c>await using</c>, writing a new
/// run local before a statement, and picking a name for it that nothing in scope uses.
/// </summary>
internal static class RunDeclarations
{
    /// <summary>
    /// Whether a statement can be replaced by (or preceded with) an <c>await using</c> declaration: it stands
    /// directly in a block or at top level (not in a switch section, not as an <c>if</c>/loop body), in an async
    /// function or top-level code.
    /// </summary>
    public static bool CanHoldAwaitUsing(StatementSyntax statement) =>
        statement.Parent is BlockSyntax or GlobalStatementSyntax && IsInAsyncContext(statement);

    /// <summary>Whether a declaration statement can simply gain <c>await using</c>: one variable, no <c>const</c>, no <c>using</c> yet.</summary>
    public static bool CanBecomeAwaitUsing(LocalDeclarationStatementSyntax declaration) =>
        declaration.UsingKeyword.IsKind(SyntaxKind.None)
        && !declaration.IsConst
        && declaration.Declaration.Variables.Count == 1
        && declaration.Declaration.Variables[0].Initializer is not null
        && CanHoldAwaitUsing(declaration);

    /// <summary>
    /// The declaration of <paramref name="local"/> when it can become <c>await using</c>: a single-variable
    /// declaration standing in a block of an async function, and the local is never assigned again (a using
    /// variable is read-only).
    /// </summary>
    public static LocalDeclarationStatementSyntax? AwaitUsingCandidate(
        ILocalSymbol local, SemanticModel model, RunSymbols symbols, CancellationToken cancellationToken)
    {
        if (local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) is not VariableDeclaratorSyntax declarator
            || declarator.Parent?.Parent is not LocalDeclarationStatementSyntax declaration
            || !CanBecomeAwaitUsing(declaration)
            || model.GetOperation(declarator, cancellationToken) is not { } operation
            || RunLocalUses.Collect(operation, local, symbols).Any(RunHandleUse.Written))
        {
            return null;
        }

        return declaration;
    }

    /// <summary><c>var run = X();</c> becomes <c>await using var run = X();</c>, trivia kept in front.</summary>
    public static LocalDeclarationStatementSyntax WithAwaitUsing(LocalDeclarationStatementSyntax declaration)
    {
        if (!declaration.UsingKeyword.IsKind(SyntaxKind.None))
        {
            return declaration; // already changed by an earlier fix in the same batch
        }

        var leading = declaration.GetLeadingTrivia();
        return declaration
            .WithoutLeadingTrivia()
            .WithAwaitKeyword(SyntaxFactory.Token(SyntaxKind.AwaitKeyword).WithLeadingTrivia(leading).WithTrailingTrivia(SyntaxFactory.Space))
            .WithUsingKeyword(SyntaxFactory.Token(SyntaxKind.UsingKeyword).WithTrailingTrivia(SyntaxFactory.Space));
    }

    /// <summary><c>[await using ]var name = value;</c> with the given trivia.</summary>
    public static LocalDeclarationStatementSyntax Declaration(
        string name, ExpressionSyntax value, bool awaitUsing, SyntaxTriviaList leading, SyntaxTrivia endOfLine)
    {
        var declaration = SyntaxFactory.LocalDeclarationStatement(
            SyntaxFactory.VariableDeclaration(
                SyntaxFactory.IdentifierName(SyntaxFactory.Identifier(SyntaxTriviaList.Empty, "var", SyntaxFactory.TriviaList(SyntaxFactory.Space))),
                SyntaxFactory.SingletonSeparatedList(
                    SyntaxFactory.VariableDeclarator(SyntaxFactory.Identifier(name).WithTrailingTrivia(SyntaxFactory.Space))
                        .WithInitializer(SyntaxFactory.EqualsValueClause(
                            SyntaxFactory.Token(SyntaxKind.EqualsToken).WithTrailingTrivia(SyntaxFactory.Space),
                            value.WithoutTrivia())))));
        if (awaitUsing)
        {
            declaration = declaration
                .WithAwaitKeyword(SyntaxFactory.Token(SyntaxKind.AwaitKeyword).WithTrailingTrivia(SyntaxFactory.Space))
                .WithUsingKeyword(SyntaxFactory.Token(SyntaxKind.UsingKeyword).WithTrailingTrivia(SyntaxFactory.Space));
        }

        return declaration.WithLeadingTrivia(leading).WithTrailingTrivia(endOfLine);
    }

    /// <summary>The line break the statement's document uses (the first one found in or after it), else <c>\n</c>.</summary>
    public static SyntaxTrivia EndOfLine(SyntaxNode node)
    {
        foreach (var trivia in node.DescendantTrivia(descendIntoTrivia: false))
        {
            if (trivia.IsKind(SyntaxKind.EndOfLineTrivia))
            {
                return trivia;
            }
        }

        return node.SyntaxTree.GetRoot().DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia)) is { RawKind: not 0 } found
            ? found
            : SyntaxFactory.LineFeed;
    }

    /// <summary>The whitespace that indents the line <paramref name="node"/> starts on.</summary>
    public static SyntaxTriviaList Indentation(SyntaxNode node)
    {
        var leading = node.GetLeadingTrivia();
        return leading.Count > 0 && leading[leading.Count - 1].IsKind(SyntaxKind.WhitespaceTrivia)
            ? SyntaxFactory.TriviaList(leading[leading.Count - 1])
            : SyntaxTriviaList.Empty;
    }

    /// <summary>
    /// A name for a new local declared at <paramref name="statement"/>: <c>run</c>, else <c>run2</c>, <c>run3</c>...,
    /// free in scope there, not declared anywhere in the enclosing member, and not in <paramref name="reserved"/>
    /// (names this batch of fixes already gave out); the chosen name is added to <paramref name="reserved"/>.
    /// </summary>
    public static string FreeName(StatementSyntax statement, SemanticModel model, ISet<string> reserved)
    {
        // The member holding the statement; for top-level code, every top-level statement.
        var member = statement.Ancestors().OfType<MemberDeclarationSyntax>().FirstOrDefault(m => m is not GlobalStatementSyntax);
        var scopes = member is not null
            ? new SyntaxNode[] { member }
            : statement.SyntaxTree.GetRoot().ChildNodes().OfType<GlobalStatementSyntax>().ToArray<SyntaxNode>();
        return FreeNames.Pick(["run"], scopes, reserved, model, statement.SpanStart);
    }

    private static bool IsInAsyncContext(SyntaxNode node)
    {
        foreach (var ancestor in node.Ancestors())
        {
            switch (ancestor)
            {
                case AnonymousFunctionExpressionSyntax function:
                    return function.AsyncKeyword.IsKind(SyntaxKind.AsyncKeyword);
                case LocalFunctionStatementSyntax function:
                    return function.Modifiers.Any(SyntaxKind.AsyncKeyword);
                case MethodDeclarationSyntax method:
                    return method.Modifiers.Any(SyntaxKind.AsyncKeyword);
                case GlobalStatementSyntax:
                    return true;
                case MemberDeclarationSyntax:
                    return false;
            }
        }

        return false;
    }
}
