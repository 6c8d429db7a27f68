using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Editing;

namespace CancelGen.Analyzers.CodeFixes;

/// <summary>
/// The base of every CancelGen code fix: one rule, and one method that fixes a set of diagnostics of a document
/// with the action chosen by its equivalence key — used both by a single action and by Fix All (document,
/// project and solution scope).
/// </summary>
public abstract class RunRuleCodeFixProvider : CodeFixProvider
{
    private protected RunRuleCodeFixProvider(string ruleId) => FixableDiagnosticIds = ImmutableArray.Create(ruleId);

    /// <inheritdoc/>
    public sealed override ImmutableArray<string> FixableDiagnosticIds { get; }

    /// <inheritdoc/>
    public sealed override FixAllProvider GetFixAllProvider() =>
        FixAllProvider.Create(async (context, document, diagnostics) =>
            (Document?)await FixAsync(document, diagnostics, context.CodeActionEquivalenceKey, context.CancellationToken).ConfigureAwait(false));

    /// <summary>Applies the action of one <paramref name="batch"/> to one diagnostic, as edits to the batch's editor.</summary>
    private protected abstract void Fix(FixBatch batch, Diagnostic diagnostic);

    /// <summary>Applies the action named by <paramref name="equivalenceKey"/> to every diagnostic of <paramref name="diagnostics"/>, in source order.</summary>
    private async Task<Document> FixAsync(
        Document document, ImmutableArray<Diagnostic> diagnostics, string? equivalenceKey, CancellationToken cancellationToken)
    {
        if (await FixDocument.LoadAsync(document, cancellationToken).ConfigureAwait(false) is not { } loaded)
        {
            return document;
        }

        var batch = new FixBatch(loaded, new SyntaxEditor(loaded.Root, document.Project.Solution.Services), equivalenceKey, cancellationToken);
        foreach (var diagnostic in diagnostics.OrderBy(d => d.Location.SourceSpan.Start))
        {
            Fix(batch, diagnostic);
        }

        return document.WithSyntaxRoot(batch.Editor.GetChangedRoot());
    }

    /// <inheritdoc/>
    public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        if (await FixDocument.LoadAsync(context.Document, context.CancellationToken).ConfigureAwait(false) is not { } document)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            foreach (var (title, equivalenceKey) in Actions(document, diagnostic, context.CancellationToken))
            {
                context.RegisterCodeFix(
                    CodeAction.Create(
                        title,
                        cancellationToken => FixAsync(context.Document, ImmutableArray.Create(diagnostic), equivalenceKey, cancellationToken),
                        equivalenceKey),
                    diagnostic);
            }
        }
    }

    /// <summary>The actions (title and equivalence key) this fix offers for <paramref name="diagnostic"/>.</summary>
    private protected abstract IEnumerable<(string Title, string EquivalenceKey)> Actions(
        FixDocument document, Diagnostic diagnostic, CancellationToken cancellationToken);
}
