using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace CancelGen.Analyzers.Tests.Verifiers;

/// <summary>What every analyzer test compiles against.</summary>
internal static class TestReferences
{
    /// <summary>net10.0 reference assemblies from the pack the test project's restore pre-fetches (the built-in Net100 pins a version this feed lacks).</summary>
    public static readonly ReferenceAssemblies Net10 = new(
        "net10.0",
        new PackageIdentity("Microsoft.NETCore.App.Ref", "10.0.12"),
        Path.Combine("ref", "net10.0"));

    /// <summary>The CancelGen runtime assembly, so test sources can use <c>RunResultStreaming</c>, <c>RunContext</c> and <c>[StreamingRun]</c>.</summary>
    public static readonly MetadataReference Runtime = MetadataReference.CreateFromFile(typeof(RunContext).Assembly.Location);

    /// <summary>
    /// As the SDK does: the runtime is built against an older System.Runtime than net10.0's (CS1701/CS1702),
    /// and test types are public without XML docs (CS1591).
    /// </summary>
    public static Solution QuietCompilerNoise(Solution solution, ProjectId projectId)
    {
        var options = solution.GetProject(projectId)!.CompilationOptions!;
        options = options.WithSpecificDiagnosticOptions(options.SpecificDiagnosticOptions
            .SetItem("CS1701", ReportDiagnostic.Suppress)
            .SetItem("CS1702", ReportDiagnostic.Suppress)
            .SetItem("CS1591", ReportDiagnostic.Suppress));
        return solution.WithProjectCompilationOptions(projectId, options);
    }
}
