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

        var models = results
            .Where(static r => r.Model is not null)
            .Select(static (r, _) => r.Model!)
            .WithTrackingName(TrackingNames.Models);

        var diagnostics = results
            .SelectMany(static (r, _) => r.Diagnostics.AsImmutableArray())
            .WithTrackingName(TrackingNames.Diagnostics);

        context.RegisterSourceOutput(models, static (production, model) =>
            production.AddSource(model.HintName, SourceText.From(StreamingRunEmitter.Emit(model), Encoding.UTF8)));

        context.RegisterSourceOutput(diagnostics, static (production, diagnostic) =>
            production.ReportDiagnostic(diagnostic.ToDiagnostic()));
    }
}
