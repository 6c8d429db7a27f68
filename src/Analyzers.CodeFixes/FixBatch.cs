using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Editing;

namespace CancelGen.Analyzers.CodeFixes;

/// <summary>
/// One application of a fix to one document — a single action or a Fix All pass: the document, the editor the
/// edits go into, the chosen action, and what earlier edits of the same pass decided (names given out, the
/// <c>RunContext</c> name of each method).
/// </summary>
internal sealed class FixBatch
{
    public FixBatch(FixDocument document, SyntaxEditor editor, string? equivalenceKey, CancellationToken cancellationToken)
    {
        Document = document;
        Editor = editor;
        EquivalenceKey = equivalenceKey;
        CancellationToken = cancellationToken;
    }

    public FixDocument Document { get; }

    public SemanticModel Model => Document.Model;

    public RunSymbols Symbols => Document.Symbols;

    public SyntaxEditor Editor { get; }

    /// <summary>The equivalence key of the action being applied.</summary>
    public string? EquivalenceKey { get; }

    public CancellationToken CancellationToken { get; }

    /// <summary>Names of new locals this pass already gave out (two fixes in one method must not pick the same).</summary>
    public ISet<string> ReservedNames { get; } = new HashSet<string>();

    /// <summary>Statements this pass already rewrote as a whole (two diagnostics in one statement rewrite it once).</summary>
    public ISet<SyntaxNode> RewrittenStatements { get; } = new HashSet<SyntaxNode>();

    /// <summary>A name this pass settled for a scope (e.g. the <c>RunContext</c> parameter of a method).</summary>
    public IDictionary<SyntaxNode, string> ScopeNames { get; } = new Dictionary<SyntaxNode, string>();
}
