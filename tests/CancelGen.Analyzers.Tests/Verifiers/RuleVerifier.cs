using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace CancelGen.Analyzers.Tests.Verifiers;

/// <summary>
/// Runs one analyzer and its code fix through Microsoft.CodeAnalysis.Testing (<see cref="DefaultVerifier"/>):
/// diagnostics are written as markup (<c>{|CG0001:...|}</c>) or <see cref="Diagnostic()"/> results.
/// Each rule gets an alias in <c>GlobalUsings.cs</c> (<c>CG0001Verify</c>, ...).
/// </summary>
internal static class RuleVerifier<TAnalyzer, TCodeFix>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    /// <summary>The reference assemblies the tests compile against.</summary>
    public static ReferenceAssemblies ReferenceAssemblies => TestReferences.Net10;

    /// <summary>An expected diagnostic of the analyzer's only rule.</summary>
    public static DiagnosticResult Diagnostic() => CSharpCodeFixVerifier<TAnalyzer, TCodeFix, DefaultVerifier>.Diagnostic();

    /// <summary>Verifies the analyzer reports exactly <paramref name="expected"/> (plus the markup in <paramref name="source"/>).</summary>
    public static Task AnalyzerAsync(string source, params DiagnosticResult[] expected)
    {
        var test = CreateTest(source, fixedSource: null);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    /// <summary>Verifies the analyzer over a compilation that does not reference the CancelGen runtime.</summary>
    public static Task AnalyzerWithoutRuntimeAsync(string source, params DiagnosticResult[] expected)
    {
        var test = CreateTest(source, fixedSource: null, withRuntime: false);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    /// <summary>Verifies the analyzer with an <c>.editorconfig</c> holding <paramref name="editorConfigLines"/> for every C# file.</summary>
    public static Task AnalyzerWithEditorConfigAsync(string source, string editorConfigLines, params DiagnosticResult[] expected)
    {
        var test = CreateTest(source, fixedSource: null);
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\n" + editorConfigLines + "\n"));
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    /// <summary>Verifies the code fix (chosen by <paramref name="equivalenceKey"/> when given) turns <paramref name="source"/> into <paramref name="fixedSource"/>, one diagnostic at a time and with Fix All.</summary>
    public static Task CodeFixAsync(string source, string fixedSource, string? equivalenceKey = null, params DiagnosticResult[] expected)
    {
        var test = CreateTest(source, fixedSource, equivalenceKey: equivalenceKey);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    /// <summary>Like <see cref="CodeFixAsync"/> for a console program (top-level statements).</summary>
    public static Task ProgramCodeFixAsync(string source, string fixedSource)
    {
        var test = CreateTest(source, fixedSource);
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        test.FixedState.OutputKind = OutputKind.ConsoleApplication;
        return test.RunAsync();
    }

    /// <summary>
    /// Verifies the code fix applied one diagnostic at a time gives <paramref name="fixedSource"/>, and Fix All
    /// (document, project and solution scope) gives <paramref name="batchFixedSource"/>.
    /// </summary>
    public static Task FixAllAsync(string source, string fixedSource, string batchFixedSource, string? equivalenceKey = null)
    {
        var test = CreateTest(source, fixedSource, equivalenceKey: equivalenceKey);
        test.BatchFixedCode = batchFixedSource;
        return test.RunAsync();
    }

    /// <summary>Verifies Fix All over several documents: every document of <paramref name="sources"/> becomes its counterpart in <paramref name="fixedSources"/>.</summary>
    public static Task FixAllDocumentsAsync(string[] sources, string[] fixedSources, string? equivalenceKey = null)
    {
        var test = CreateTest(source: null, fixedSource: null, equivalenceKey: equivalenceKey);
        foreach (var source in sources)
        {
            test.TestState.Sources.Add(source);
        }

        foreach (var fixedSource in fixedSources)
        {
            test.FixedState.Sources.Add(fixedSource);
        }

        return test.RunAsync();
    }

    private static CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier> CreateTest(
        string? source,
        string? fixedSource,
        bool withRuntime = true,
        string? equivalenceKey = null)
    {
        var test = new CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
        {
            ReferenceAssemblies = TestReferences.Net10,
            CodeActionEquivalenceKey = equivalenceKey,
        };
        test.SolutionTransforms.Add(TestReferences.QuietCompilerNoise);
        if (source is not null)
        {
            test.TestCode = source;
        }

        if (fixedSource is not null)
        {
            test.FixedCode = fixedSource;

            // Diagnostics left after the fix (e.g. ones the chosen action does not apply to) are written as markup too.
            test.FixedState.MarkupHandling = MarkupMode.Allow;
        }

        if (withRuntime)
        {
            test.TestState.AdditionalReferences.Add(TestReferences.Runtime);
        }

        return test;
    }
}
