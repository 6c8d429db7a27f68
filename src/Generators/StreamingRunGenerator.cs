using System.Collections.Immutable;
using System.Text;
using CancelGen.Generators.Emitting;
using CancelGen.Generators.Models;
using CancelGen.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace CancelGen.Generators;

/// <summary>
/// Generates the <c>...Streamed</c> wrapper of every method marked <c>[StreamingRun]</c>. The pipeline:
/// ForAttributeWithMetadataName -> parse into an equatable model (or diagnostics) -> group the models by containing
/// type -> emit one file per type from its models.
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

        // One file per containing type (the driver's check of a new hint name against every earlier one is linear,
        // so a file per method would cost a quadratic number of comparisons). The types are grouped from the
        // collected models: an edit that leaves every model as it was leaves the collection cached, so nothing
        // below re-runs; an edit that changes one model re-groups (cheap: values only) and the driver compares each
        // type's group with the previous run's at the same position, so only the files of types whose wrappers
        // changed are re-emitted (types are in source order: a type added or removed in the middle also re-emits,
        // with the same text, the files after it).
        var types = models
            .Collect()
            .SelectMany(static (all, cancellationToken) => WrapperFiles.Group(all, cancellationToken))
            .WithTrackingName(TrackingNames.Types);

        context.RegisterSourceOutput(types, static (production, type) =>
            production.AddSource(type.HintName, SourceText.From(StreamingRunEmitter.Emit(type), Encoding.UTF8)));

        // Diagnostic leg: equatable diagnostics (file path + span), matched back to their syntax tree only when
        // reported. A location in a tree (not a bare file path) is what lets '#pragma warning disable' and
        // [SuppressMessage] apply. Only the trees that have diagnostics are picked, one item each; a tree is
        // the same instance while its file is unchanged, so an edit elsewhere leaves every item unchanged.
        var diagnostics = results
            .SelectMany(static (r, _) => r.Diagnostics.AsImmutableArray())
            .WithTrackingName(TrackingNames.Diagnostics);

        var diagnosticsByTree = context.CompilationProvider
            .Combine(diagnostics.Collect())
            .SelectMany(static (pair, _) => TreeDiagnostics.Match(pair.Left, pair.Right))
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
    private readonly record struct TreeDiagnostics(SyntaxTree Tree, EquatableArray<DiagnosticInfo> Diagnostics)
    {
        public static ImmutableArray<TreeDiagnostics> Match(Compilation compilation, ImmutableArray<DiagnosticInfo> diagnostics)
        {
            if (diagnostics.IsEmpty)
            {
                return ImmutableArray<TreeDiagnostics>.Empty;
            }

            var byPath = diagnostics
                .Where(static d => d.Location is not null)
                .GroupBy(static d => d.Location!.FilePath, StringComparer.Ordinal)
                .ToDictionary(static g => g.Key, static g => g.ToEquatableArray(), StringComparer.Ordinal);
            var matched = ImmutableArray.CreateBuilder<TreeDiagnostics>();
            foreach (var tree in compilation.SyntaxTrees)
            {
                // Remove on match: a path shared by two trees reports its diagnostics once.
                if (byPath.TryGetValue(tree.FilePath, out var inTree))
                {
                    byPath.Remove(tree.FilePath);
                    matched.Add(new TreeDiagnostics(tree, inTree));
                }
            }

            return matched.ToImmutable();
        }
    }
}
