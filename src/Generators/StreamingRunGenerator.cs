using System.Text;
using CancelGen.Generators.Emitting;
using CancelGen.Generators.Models;
using CancelGen.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace CancelGen.Generators;

/// <summary>
/// Generates the <c>...Streamed</c> wrapper of every method marked <c>[StreamingRun]</c>. The pipeline:
/// ForAttributeWithMetadataName -> parse into an equatable model (or diagnostics) -> emit from the model.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class StreamingRunGenerator : IIncrementalGenerator
{
    /// <summary>The attribute that marks a run method.</summary>
    public const string AttributeMetadataName = "CancelGen.StreamingRunAttribute";

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var results = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                AttributeMetadataName,
                predicate: static (_, _) => true,
                transform: StreamingRunParser.Parse)
            .WithTrackingName(TrackingNames.Parse);

        // Source leg: only equatable models flow here, so an edit elsewhere leaves every wrapper cached.
        var models = results
            .Where(static r => r.Model is not null)
            .Select(static (r, _) => r.Model!)
            .WithTrackingName(TrackingNames.Models);

        context.RegisterSourceOutput(models, static (production, model) =>
            production.AddSource(model.HintName, SourceText.From(StreamingRunEmitter.Emit(model), Encoding.UTF8)));

        // Diagnostic leg: equatable diagnostics (file path + span), matched back to their syntax tree only when
        // reported. A location in a tree (not a bare file path) is what lets '#pragma warning disable' and
        // [SuppressMessage] apply. Trees are paired one by one, and only trees with diagnostics reach the
        // output, so an edit to a file without diagnostics re-reports nothing.
        var diagnostics = results
            .SelectMany(static (r, _) => r.Diagnostics.AsImmutableArray())
            .WithTrackingName(TrackingNames.Diagnostics);

        var allDiagnostics = diagnostics.Collect();

        var diagnosticsByTree = context.CompilationProvider
            .SelectMany(static (compilation, _) => compilation.SyntaxTrees)
            .WithTrackingName(TrackingNames.SyntaxTrees)
            .Combine(allDiagnostics)
            .Select(static (pair, _) => new TreeDiagnostics(
                pair.Left,
                pair.Right.Where(d => d.Location is { } location && location.FilePath == pair.Left.FilePath).ToEquatableArray()))
            .Where(static t => t.Diagnostics.Count > 0)
            .WithTrackingName(TrackingNames.DiagnosticsByTree);

        context.RegisterSourceOutput(diagnosticsByTree, static (production, tree) =>
        {
            foreach (var diagnostic in tree.Diagnostics)
            {
                production.ReportDiagnostic(diagnostic.ToDiagnostic(tree.Tree));
            }
        });

        var diagnosticsWithoutLocation = diagnostics.Where(static d => d.Location is null);
        context.RegisterSourceOutput(diagnosticsWithoutLocation, static (production, diagnostic) =>
            production.ReportDiagnostic(diagnostic.ToDiagnostic(tree: null)));
    }

    /// <summary>
    /// One syntax tree and the diagnostics located in it. Equal when the tree is the same instance (unchanged
    /// file) and the diagnostics are equal.
    /// </summary>
    private readonly record struct TreeDiagnostics(SyntaxTree Tree, EquatableArray<DiagnosticInfo> Diagnostics);
}
