using System.Reflection;
using CancelGen.Synthetic.Projects;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CancelGen.Benchmarks;

/// <summary>
/// The build-time peers, loaded from their restored packages (paths recorded at build time in this assembly's
/// <see cref="AssemblyMetadataAttribute"/>s): the Microsoft.Extensions.Logging <c>[LoggerMessage]</c> generator and
/// Meziantou's MA0079/MA0080 analyzer. Both are built against an older Roslyn than the one this process loads, which
/// binds them as the compiler would.
/// </summary>
internal static class PeerAssemblies
{
    public static IIncrementalGenerator LoggerMessageGenerator() =>
        Create<IIncrementalGenerator>("LoggerMessageGeneratorPath", PeerPackages.LoggerMessageGenerator);

    public static DiagnosticAnalyzer MeziantouLoopAnalyzer() =>
        Create<DiagnosticAnalyzer>("MeziantouAnalyzerPath", PeerPackages.MeziantouLoopAnalyzer);

    /// <summary>The path of Microsoft.Extensions.Logging.Abstractions.dll (a reference of the synthetic compilations).</summary>
    public static string LoggingAbstractionsPath => PathOf("LoggingAbstractionsPath");

    private static T Create<T>(string key, string typeName)
    {
        var path = PathOf(key);
        var type = Assembly.LoadFrom(path).GetType(typeName, throwOnError: false)
            ?? throw new InvalidOperationException($"'{path}' has no type '{typeName}': was the peer's package version changed?");
        return (T)Activator.CreateInstance(type)!;
    }

    private static string PathOf(string key)
    {
        var path = typeof(PeerAssemblies).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(a => a.Key == key)?.Value;
        return path is not null && File.Exists(path)
            ? path
            : throw new InvalidOperationException($"The peer assembly '{key}' was not found at '{path}': restore benchmarks/CancelGen.Benchmarks (it downloads the peers' packages).");
    }
}
