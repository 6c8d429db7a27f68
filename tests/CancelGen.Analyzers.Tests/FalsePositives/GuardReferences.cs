using System.Collections.Immutable;
using CancelGen.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;

namespace CancelGen.Analyzers.Tests.FalsePositives;

/// <summary>What the false-positive guard compiles real code against.</summary>
internal static class GuardReferences
{
    private static readonly Lazy<Task<ImmutableArray<MetadataReference>>> Net10 =
        new(static () => TestReferences.Net10.ResolveAsync(LanguageNames.CSharp, CancellationToken.None));

    /// <summary>
    /// net10.0 and ASP.NET Core reference assemblies (the SDK's <c>packs/Microsoft.AspNetCore.App.Ref</c>, which every
    /// .NET SDK install carries) and the CancelGen runtime: what a web app or a worker service compiles against.
    /// </summary>
    public static async Task<ImmutableArray<MetadataReference>> WebAppAsync() =>
        [.. await Net10.Value, .. AspNetCoreReferenceAssemblies(), TestReferences.Runtime];

    /// <summary>
    /// net10.0, the runtime, and the sample's own dependencies (Spectre.Console, Microsoft.Extensions.AI, the Agent
    /// Framework, CancelGen.Extensions.AI), taken from the test's output, where the sample's project reference put them.
    /// </summary>
    public static async Task<ImmutableArray<MetadataReference>> AgentConsoleAsync() =>
        [.. await Net10.Value, TestReferences.Runtime, .. Directory.EnumerateFiles(AppContext.BaseDirectory, "*.dll")
            .Where(static path => Path.GetFileName(path) is var name
                && (name.StartsWith("Spectre.", StringComparison.Ordinal)
                    || name.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal)
                    || name.StartsWith("Microsoft.Agents.", StringComparison.Ordinal)
                    || name.StartsWith("CancelGen.Extensions.", StringComparison.Ordinal)))
            .Order(StringComparer.Ordinal)
            .Select(static path => MetadataReference.CreateFromFile(path))];

    private static IEnumerable<MetadataReference> AspNetCoreReferenceAssemblies()
    {
        // <dotnet root>/shared/Microsoft.NETCore.App/<version>/System.Private.CoreLib.dll -> <dotnet root>/packs/Microsoft.AspNetCore.App.Ref/<newest>/ref/net10.0
        var dotnetRoot = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", ".."));
        var pack = Path.Combine(dotnetRoot, "packs", "Microsoft.AspNetCore.App.Ref");
        var folder = Directory.Exists(pack)
            ? Directory.EnumerateDirectories(pack)
                .Select(static version => Path.Combine(version, "ref", "net10.0"))
                .Where(Directory.Exists)
                .OrderByDescending(static path => Version.TryParse(Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(path))), out var v) ? v : new Version())
                .FirstOrDefault()
            : null;
        if (folder is null)
        {
            throw new InvalidOperationException($"No ASP.NET Core reference pack for net10.0 under '{pack}': the .NET SDK install this test runs on should carry one.");
        }

        return Directory.EnumerateFiles(folder, "*.dll").Order(StringComparer.Ordinal).Select(static path => MetadataReference.CreateFromFile(path));
    }
}
