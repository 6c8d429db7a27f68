using Microsoft.CodeAnalysis;

namespace CancelGen.Analyzers;

/// <summary>
/// The CancelGen and BCL symbols the rules need, resolved once per compilation. <see cref="TryCreate"/>
/// returns <see langword="null"/> when the compilation does not reference the CancelGen runtime, so rules
/// register nothing there.
/// </summary>
internal sealed class RunSymbols
{
    private RunSymbols(Compilation compilation, INamedTypeSymbol run)
    {
        RunResultStreaming = run;
        RunResultStreamingWithOutput = compilation.GetTypeByMetadataName("CancelGen.RunResultStreaming`2");
        RunContext = compilation.GetTypeByMetadataName("CancelGen.RunContext");
        RunContextOfT = compilation.GetTypeByMetadataName("CancelGen.RunContext`1");
        StreamingRunAttribute = compilation.GetTypeByMetadataName("CancelGen.StreamingRunAttribute");
        CancellationToken = compilation.GetTypeByMetadataName("System.Threading.CancellationToken");
        IAsyncEnumerableOfT = compilation.GetTypeByMetadataName("System.Collections.Generic.IAsyncEnumerable`1");
        Task = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task");
        TaskOfT = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task`1");
        ValueTask = compilation.GetTypeByMetadataName("System.Threading.Tasks.ValueTask");
        ValueTaskOfT = compilation.GetTypeByMetadataName("System.Threading.Tasks.ValueTask`1");
        TaskFactory = compilation.GetTypeByMetadataName("System.Threading.Tasks.TaskFactory");
        Thread = compilation.GetTypeByMetadataName("System.Threading.Thread");
        ThreadPool = compilation.GetTypeByMetadataName("System.Threading.ThreadPool");
        IAsyncDisposable = compilation.GetTypeByMetadataName("System.IAsyncDisposable");
    }

    /// <summary><c>CancelGen.RunResultStreaming&lt;TEvent&gt;</c> (open generic).</summary>
    public INamedTypeSymbol RunResultStreaming { get; }

    /// <summary><c>CancelGen.RunResultStreaming&lt;TEvent, TOutput&gt;</c> (open generic).</summary>
    public INamedTypeSymbol? RunResultStreamingWithOutput { get; }

    public INamedTypeSymbol? RunContext { get; }

    public INamedTypeSymbol? RunContextOfT { get; }

    public INamedTypeSymbol? StreamingRunAttribute { get; }

    public INamedTypeSymbol? CancellationToken { get; }

    public INamedTypeSymbol? IAsyncEnumerableOfT { get; }

    public INamedTypeSymbol? Task { get; }

    public INamedTypeSymbol? TaskOfT { get; }

    public INamedTypeSymbol? ValueTask { get; }

    public INamedTypeSymbol? ValueTaskOfT { get; }

    public INamedTypeSymbol? TaskFactory { get; }

    public INamedTypeSymbol? Thread { get; }

    public INamedTypeSymbol? ThreadPool { get; }

    public INamedTypeSymbol? IAsyncDisposable { get; }

    public static RunSymbols? TryCreate(Compilation compilation)
    {
        var run = compilation.GetTypeByMetadataName("CancelGen.RunResultStreaming`1");
        return run is null ? null : new RunSymbols(compilation, run);
    }

    /// <summary>Whether <paramref name="type"/> is a run handle: <c>RunResultStreaming&lt;...&gt;</c> or a type derived from it.</summary>
    public bool IsRun(ITypeSymbol? type)
    {
        for (var current = type as INamedTypeSymbol; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, RunResultStreaming))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether <paramref name="type"/> is <c>RunContext</c> or <c>RunContext&lt;T&gt;</c>.</summary>
    public bool IsRunContext(ITypeSymbol? type)
    {
        for (var current = type as INamedTypeSymbol; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, RunContext)
                || SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, RunContextOfT))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether <paramref name="method"/> carries <c>[StreamingRun]</c>.</summary>
    public bool IsStreamingRunMethod(IMethodSymbol? method)
    {
        if (method is null || StreamingRunAttribute is null)
        {
            return false;
        }

        foreach (var attribute in method.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, StreamingRunAttribute))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether <paramref name="method"/> is the run's <c>StreamEvents</c>.</summary>
    public bool IsStreamEvents(IMethodSymbol method) =>
        method.Name == "StreamEvents" && IsRun(method.ContainingType);

    /// <summary>
    /// Whether calling <paramref name="method"/> on a run ends it: the run's <c>Cancel</c>, <c>CancelAsync</c> or
    /// <c>DisposeAsync</c>, or <c>IAsyncDisposable.DisposeAsync</c>.
    /// </summary>
    public bool IsRelease(IMethodSymbol method) => method.Name switch
    {
        "Cancel" or "CancelAsync" => IsRun(method.ContainingType),
        "DisposeAsync" => IsRun(method.ContainingType)
            || SymbolEqualityComparer.Default.Equals(method.ContainingType, IAsyncDisposable),
        _ => false,
    };
}
