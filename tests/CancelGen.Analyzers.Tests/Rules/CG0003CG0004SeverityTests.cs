using System.Collections.Immutable;
using CancelGen.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CancelGen.Analyzers.Tests.Rules;

/// <summary>CG0003 and CG0004 are warnings by default, errors under -warnaserror, and silenced by .editorconfig.</summary>
public sealed class CG0003CG0004SeverityTests
{
    private const string Source = """
        using System.Collections.Generic;
        using System.Runtime.CompilerServices;
        using System.Threading;
        using System.Threading.Tasks;
        using CancelGen;

        public partial class Agent
        {
            [StreamingRun]
            public async IAsyncEnumerable<int> RunAsync(RunContext run, [EnumeratorCancellation] CancellationToken cancellationToken = default)
            {
                _ = Task.Delay(1, cancellationToken);
                await Task.Delay(1);
                yield return 1;
            }
        }
        """;

    [Theory]
    [InlineData(ReportDiagnostic.Default, DiagnosticSeverity.Warning)]
    [InlineData(ReportDiagnostic.Error, DiagnosticSeverity.Error)] // what -warnaserror sets
    public async Task Both_rules_are_warnings_by_default_and_errors_under_warnaserror(ReportDiagnostic general, DiagnosticSeverity expected)
    {
        var diagnostics = await AnalyzeAsync(general);

        Assert.Equal(expected, Assert.Single(diagnostics, d => d.Id == "CG0003").Severity);
        Assert.Equal(expected, Assert.Single(diagnostics, d => d.Id == "CG0004").Severity);
    }

    [Fact]
    public Task Editorconfig_severity_none_silences_both_rules() =>
        Task.WhenAll(
            CG0003Verify.AnalyzerWithEditorConfigAsync(Source, "dotnet_diagnostic.CG0003.severity = none"),
            CG0004Verify.AnalyzerWithEditorConfigAsync(Source, "dotnet_diagnostic.CG0004.severity = none"));

    private static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(ReportDiagnostic general)
    {
        var references = await CG0003Verify.ReferenceAssemblies.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        var compilation = CSharpCompilation.Create(
            "Severity",
            [CSharpSyntaxTree.ParseText(Source)],
            references.Add(MetadataReference.CreateFromFile(typeof(RunContext).Assembly.Location)),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, generalDiagnosticOption: general));
        return await compilation
            .WithAnalyzers([new BackgroundWorkEscapesAnalyzer(), new TokenNotPassedAnalyzer()])
            .GetAnalyzerDiagnosticsAsync();
    }
}
