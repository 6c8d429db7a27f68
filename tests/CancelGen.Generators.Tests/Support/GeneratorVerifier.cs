using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace CancelGen.Generators.Tests.Support;

/// <summary>Runs the generator through Microsoft.CodeAnalysis.Testing against the net10.0 reference pack and the CancelGen runtime.</summary>
internal static class GeneratorVerifier
{
    /// <summary>net10.0 reference assemblies from the pack restore pre-fetches (the built-in Net100 pins a version this feed lacks).</summary>
    public static readonly ReferenceAssemblies Net10 = new(
        "net10.0",
        new PackageIdentity("Microsoft.NETCore.App.Ref", "10.0.12"),
        Path.Combine("ref", "net10.0"));

    public const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Runtime.CompilerServices;
        using System.Threading;
        using System.Threading.Tasks;
        using CancelGen;

        """;

    /// <summary>Verifies that <paramref name="source"/> gives exactly <paramref name="expected"/> and no generated source.</summary>
    public static Task VerifyAsync(string source, params DiagnosticResult[] expected) =>
        VerifyAsync(source, checkCompilerDiagnostics: true, expected);

    public static async Task VerifyAsync(string source, bool checkCompilerDiagnostics, params DiagnosticResult[] expected)
    {
        var test = new CSharpSourceGeneratorTest<StreamingRunGenerator, DefaultVerifier>
        {
            ReferenceAssemblies = Net10,
            CompilerDiagnostics = checkCompilerDiagnostics ? CompilerDiagnostics.Warnings : CompilerDiagnostics.None,
        };
        // Test types are public without docs (CS1591). As the SDK does: the runtime is built against an older System.Runtime than net10.0's (CS1701/CS1702).
        test.SolutionTransforms.Add(static (solution, projectId) =>
        {
            var options = solution.GetProject(projectId)!.CompilationOptions!;
            options = options.WithSpecificDiagnosticOptions(options.SpecificDiagnosticOptions
                .SetItem("CS1701", ReportDiagnostic.Suppress)
                .SetItem("CS1702", ReportDiagnostic.Suppress)
                .SetItem("CS1591", ReportDiagnostic.Suppress));
            return solution.WithProjectCompilationOptions(projectId, options);
        });
        test.TestState.Sources.Add(Usings + source);
        test.TestState.AdditionalReferences.Add(MetadataReference.CreateFromFile(typeof(RunResultStreaming).Assembly.Location));
        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync();
    }

    /// <summary>An expected generator diagnostic at markup location <c>{|#index:...|}</c> with its message arguments.</summary>
    public static DiagnosticResult Diagnostic(DiagnosticDescriptor descriptor, int location, params object[] arguments) =>
        new DiagnosticResult(descriptor).WithLocation(location).WithArguments(arguments);
}
