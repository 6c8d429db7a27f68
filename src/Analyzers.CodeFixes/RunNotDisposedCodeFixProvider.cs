using System.Collections.Generic;
using System.Composition;
using System.Threading;
using CancelGen.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Operations;

namespace CancelGen.Analyzers.CodeFixes;

/// <summary>
/// Fixes CG0001 two ways: declare the run <c>await using</c> (a run created in the loop header first gets its own
/// <c>await using var run = ...;</c>), or wrap the loop in <c>try { ... } finally { run.Cancel(); }</c> (a run
/// created in the loop header first gets a <c>var run = ...;</c>).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RunNotDisposedCodeFixProvider))]
[Shared]
public sealed class RunNotDisposedCodeFixProvider : RunRuleCodeFixProvider
{
    /// <summary>The equivalence key of the action that declares the run with <c>await using</c>.</summary>
    public const string AwaitUsingEquivalenceKey = "CG0001.AwaitUsing";

    /// <summary>The equivalence key of the action that cancels the run in a <c>finally</c> around the loop.</summary>
    public const string TryFinallyEquivalenceKey = "CG0001.TryFinally";

    /// <summary>Creates the fix.</summary>
    public RunNotDisposedCodeFixProvider()
        : base(RuleIds.RunNotDisposed)
    {
    }

    /// <inheritdoc/>
    private protected override IEnumerable<(string Title, string EquivalenceKey)> Actions(
        FixDocument document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (Target.Find(document, diagnostic, cancellationToken) is not { } target)
        {
            yield break;
        }

        if (target.CanAwaitUsing)
        {
            yield return ("Declare the run with 'await using'", AwaitUsingEquivalenceKey);
        }

        if (target.CanTryFinally)
        {
            yield return ("Cancel the run in a finally around the loop", TryFinallyEquivalenceKey);
        }
    }

    /// <inheritdoc/>
    private protected override void Fix(FixBatch batch, Diagnostic diagnostic)
    {
        if (Target.Find(batch.Document, diagnostic, batch.CancellationToken) is not { } target)
        {
            return;
        }

        var tryFinally = batch.EquivalenceKey == TryFinallyEquivalenceKey;
        if (tryFinally && target.CanTryFinally)
        {
            WrapInTryFinally(batch, target);
        }
        else if (!tryFinally && target.CanAwaitUsing)
        {
            DeclareAwaitUsing(batch, target);
        }
    }

    private static void DeclareAwaitUsing(FixBatch batch, Target target)
    {
        if (target.Declaration is { } declaration)
        {
            batch.Editor.ReplaceNode(declaration, (current, _) => RunDeclarations.WithAwaitUsing((LocalDeclarationStatementSyntax)current));
            return;
        }

        var name = RunDeclarations.FreeName(target.Loop, batch.Model, batch.ReservedNames);
        IntroduceLocal(batch.Editor, target, name, awaitUsing: true);
    }

    private static void WrapInTryFinally(FixBatch batch, Target target)
    {
        var editor = batch.Editor;
        var name = target.LocalName;
        if (name is null)
        {
            name = RunDeclarations.FreeName(target.Loop, batch.Model, batch.ReservedNames);
            IntroduceLocal(editor, target, name, awaitUsing: false);
        }

        var endOfLine = RunDeclarations.EndOfLine(target.Loop);
        editor.ReplaceNode(target.Loop, (current, _) =>
        {
            var loop = (StatementSyntax)current;
            var cancel = SyntaxFactory.ExpressionStatement(
                SyntaxFactory.InvocationExpression(
                    SyntaxFactory.MemberAccessExpression(
                        SyntaxKind.SimpleMemberAccessExpression, SyntaxFactory.IdentifierName(name), SyntaxFactory.IdentifierName("Cancel"))));
            return SyntaxFactory.TryStatement(
                    SyntaxFactory.Block(loop.WithLeadingTrivia(RunDeclarations.Indentation(loop)).WithTrailingTrivia(endOfLine)),
                    default,
                    SyntaxFactory.FinallyClause(SyntaxFactory.Block(cancel)))
                .WithLeadingTrivia(loop.GetLeadingTrivia())
                .WithTrailingTrivia(loop.GetTrailingTrivia())
                .WithAdditionalAnnotations(Formatter.Annotation);
        });
    }

    /// <summary>Declares <paramref name="name"/> before the loop with the run created in its header, and streams from it.</summary>
    private static void IntroduceLocal(SyntaxEditor editor, Target target, string name, bool awaitUsing)
    {
        var creation = target.RunExpression;
        var creating = target.CreatingStatement;
        var local = RunDeclarations.Declaration(
            name, creation, awaitUsing, creating.GetLeadingTrivia(), RunDeclarations.EndOfLine(creating));
        editor.InsertBefore(creating, local);
        editor.ReplaceNode(creating, (current, _) => current.WithLeadingTrivia(RunDeclarations.Indentation(current)));
        SyntaxNode slot = creation;
        while (slot.Parent is ParenthesizedExpressionSyntax parenthesized)
        {
            slot = parenthesized;
        }

        editor.ReplaceNode(slot, (current, _) => SyntaxFactory.IdentifierName(name).WithTriviaFrom(current));
    }

    /// <summary>The loop a CG0001 diagnostic is about, and what each fix can do there.</summary>
    private sealed class Target
    {
        private Target(CommonForEachStatementSyntax loop, ExpressionSyntax runExpression, string? localName, LocalDeclarationStatementSyntax? declaration)
        {
            Loop = loop;
            RunExpression = runExpression;
            LocalName = localName;
            Declaration = declaration;
        }

        public CommonForEachStatementSyntax Loop { get; }

        /// <summary>The run in the loop header: the local's name, or the expression creating it.</summary>
        public ExpressionSyntax RunExpression { get; }

        /// <summary>The run local's name; <see langword="null"/> when the run is created in the loop header.</summary>
        public string? LocalName { get; }

        /// <summary>The run local's declaration, when it can gain <c>await using</c>.</summary>
        public LocalDeclarationStatementSyntax? Declaration { get; }

        /// <summary>
        /// The statement that creates the run: the loop itself, or the declaration of the stream the loop reads
        /// (<c>var events = X().StreamEvents();</c>); a new run local goes right before it.
        /// </summary>
        public StatementSyntax CreatingStatement => RunExpression.FirstAncestorOrSelf<StatementSyntax>() ?? Loop;

        public bool CanAwaitUsing => Declaration is not null || (LocalName is null && RunDeclarations.CanHoldAwaitUsing(CreatingStatement));

        public bool CanTryFinally =>
            LocalName is not null
            || (CreatingStatement.Parent is BlockSyntax or GlobalStatementSyntax or SwitchSectionSyntax
                && (CreatingStatement == Loop || CreatingStatement.Parent == Loop.Parent));

        public static Target? Find(FixDocument document, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var (model, symbols) = (document.Model, document.Symbols);
            if (document.NodeAt<ExpressionSyntax>(diagnostic)?.Parent is not CommonForEachStatementSyntax loop
                || model.GetOperation(loop, cancellationToken) is not IForEachLoopOperation operation
                || !RunStreamLoop.TryCreate(operation, symbols, out var stream)
                || stream.Run.Syntax is not ExpressionSyntax runExpression)
            {
                return null;
            }

            if (stream.IsInline)
            {
                // (_run ?? X()): disposing the value could end a run owned elsewhere, so no fix is offered.
                if (!RunValueFlow.OnlyCreates(stream.Run))
                {
                    return null;
                }

                return new Target(loop, runExpression, localName: null, declaration: null);
            }

            if (stream.Run is not ILocalReferenceOperation { Local: { } local })
            {
                return null;
            }

            return new Target(loop, runExpression, local.Name, RunDeclarations.AwaitUsingCandidate(local, model, symbols, cancellationToken));
        }
    }
}
