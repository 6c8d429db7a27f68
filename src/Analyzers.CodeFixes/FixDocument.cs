using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;

namespace CancelGen.Analyzers.CodeFixes;

/// <summary>What every CancelGen fix needs of a document: its syntax root, semantic model and the runtime's symbols.</summary>
internal sealed class FixDocument
{
    private FixDocument(SyntaxNode root, SemanticModel model, RunSymbols symbols)
    {
        Root = root;
        Model = model;
        Symbols = symbols;
    }

    public SyntaxNode Root { get; }

    public SemanticModel Model { get; }

    public RunSymbols Symbols { get; }

    /// <summary>The node of type <typeparamref name="TNode"/> whose span is exactly the diagnostic's, if any.</summary>
    public TNode? NodeAt<TNode>(Diagnostic diagnostic)
        where TNode : SyntaxNode =>
        Root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is TNode node && node.Span == diagnostic.Location.SourceSpan
            ? node
            : null;

    /// <summary>Loads the document; <see langword="null"/> when it has no tree or model, or its compilation does not reference the runtime.</summary>
    public static async Task<FixDocument?> LoadAsync(Document document, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        return root is null || model is null || RunSymbols.TryCreate(model.Compilation) is not { } symbols
            ? null
            : new FixDocument(root, model, symbols);
    }
}
