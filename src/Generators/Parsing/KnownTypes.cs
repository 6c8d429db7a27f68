using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace CancelGen.Generators.Parsing;

/// <summary>
/// The well-known types parsing compares against, resolved once per compilation (not once per marked method: nine
/// metadata-name lookups per method were a measurable share of the generator's time on large projects) and kept
/// only as long as the compilation lives.
/// </summary>
internal sealed class KnownTypes
{
    private static readonly ConditionalWeakTable<Compilation, KnownTypes> Cache = new();

    private KnownTypes(Compilation compilation)
    {
        AsyncEnumerable = compilation.GetTypeByMetadataName("System.Collections.Generic.IAsyncEnumerable`1");
        Task = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task");
        TaskOfT = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task`1");
        ValueTask = compilation.GetTypeByMetadataName("System.Threading.Tasks.ValueTask");
        ValueTaskOfT = compilation.GetTypeByMetadataName("System.Threading.Tasks.ValueTask`1");
        CancellationToken = compilation.GetTypeByMetadataName("System.Threading.CancellationToken");
        RunContext = compilation.GetTypeByMetadataName("CancelGen.RunContext");
        RunContextOfT = compilation.GetTypeByMetadataName("CancelGen.RunContext`1");
        RunResultStreaming = compilation.GetTypeByMetadataName("CancelGen.RunResultStreaming");
    }

    public INamedTypeSymbol? AsyncEnumerable { get; }

    public INamedTypeSymbol? Task { get; }

    public INamedTypeSymbol? TaskOfT { get; }

    public INamedTypeSymbol? ValueTask { get; }

    public INamedTypeSymbol? ValueTaskOfT { get; }

    public INamedTypeSymbol? CancellationToken { get; }

    public INamedTypeSymbol? RunContext { get; }

    public INamedTypeSymbol? RunContextOfT { get; }

    public INamedTypeSymbol? RunResultStreaming { get; }

    /// <summary>Whether the runtime types the generated code calls are all there.</summary>
    public bool RuntimeAvailable =>
        RunContext is not null && RunContextOfT is not null && RunResultStreaming is not null
        && CancellationToken is not null && Task is not null && TaskOfT is not null;

    public static KnownTypes From(Compilation compilation) => Cache.GetValue(compilation, static c => new KnownTypes(c));

    public bool IsCancellationToken(ITypeSymbol type) => Is(type, CancellationToken);

    /// <summary>Whether <paramref name="type"/> is <c>RunContext</c> or a <c>RunContext&lt;T&gt;</c>.</summary>
    public bool IsContext(ITypeSymbol type) => Is(type, RunContext) || IsGeneric(type, RunContextOfT);

    public static bool Is(ITypeSymbol type, INamedTypeSymbol? known) =>
        known is not null && SymbolEqualityComparer.Default.Equals(type, known);

    public static bool IsGeneric(ITypeSymbol type, INamedTypeSymbol? knownDefinition) =>
        knownDefinition is not null
        && type is INamedTypeSymbol { IsGenericType: true } named
        && SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, knownDefinition);
}
