using CancelGen.Analyzers.Tests.Support;
using CancelGen.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;

namespace CancelGen.Analyzers.Tests.Conventions;

/// <summary>
/// Every rule (every ID some analyzer supports) is a warning by default, an error under <c>-warnaserror</c>,
/// and follows <c>dotnet_diagnostic.&lt;ID&gt;.severity</c> in <c>.editorconfig</c>. A new rule needs a trigger in <see cref="Triggers"/>.
/// </summary>
public sealed class SeverityTests
{
    private const string StreamingRunLeak = RuleSources.Usings + """
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

    private const string Producer = """

        public static class Producer
        {
            public static async IAsyncEnumerable<int> Produce(RunContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
            {
                await Task.Yield();
                yield return 1;
            }
        }
        """;

    /// <summary>For each rule ID, a small program that reports it exactly once.</summary>
    private static readonly Dictionary<string, string> Triggers = new(StringComparer.Ordinal)
    {
        ["CG0001"] = RuleSources.Usings + """
            public static class Consumer
            {
                public static async Task UseAsync()
                {
                    var run = RunResultStreaming.Start<int>(Producer.Produce);
                    await foreach (var e in run.StreamEvents())
                    {
                    }
                }
            }
            """ + Producer,
        ["CG0002"] = RuleSources.Usings + """
            public static class Launcher
            {
                public static async Task StartAsync()
                {
                    RunResultStreaming.Start<int>(Producer.Produce);
                    await Task.Yield();
                }
            }
            """ + Producer,
        ["CG0003"] = StreamingRunLeak,
        ["CG0004"] = StreamingRunLeak,
    };

    public static TheoryData<string> SupportedIds => AnalyzerCatalog.TheoryData(AnalyzerCatalog.Descriptors.Select(static d => d.Descriptor.Id));

    public static TheoryData<string, ReportDiagnostic, DiagnosticSeverity> IdsUnderGeneralOptions
    {
        get
        {
            var data = new TheoryData<string, ReportDiagnostic, DiagnosticSeverity>();
            foreach (var (descriptor, _) in AnalyzerCatalog.Descriptors)
            {
                data.Add(descriptor.Id, ReportDiagnostic.Default, DiagnosticSeverity.Warning);
                data.Add(descriptor.Id, ReportDiagnostic.Error, DiagnosticSeverity.Error); // what -warnaserror sets
            }

            return data;
        }
    }

    public static TheoryData<string, string> IdsUnderEditorConfig
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var (descriptor, _) in AnalyzerCatalog.Descriptors)
            {
                data.Add(descriptor.Id, "none");
                data.Add(descriptor.Id, "error");
                data.Add(descriptor.Id, "suggestion");
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(SupportedIds))]
    public void Every_rule_has_a_trigger(string id) =>
        Assert.True(Triggers.ContainsKey(id), $"Add a program that reports {id} to {nameof(SeverityTests)}.{nameof(Triggers)}.");

    [Theory]
    [MemberData(nameof(IdsUnderGeneralOptions))]
    public async Task Rule_is_a_warning_by_default_and_an_error_under_warnaserror(string id, ReportDiagnostic generalOption, DiagnosticSeverity expected)
    {
        var outcome = await AnalyzeTriggerAsync(id, generalOption: generalOption);

        Assert.Equal(expected, Assert.Single(outcome.Diagnostics, d => d.Id == id).Severity);
        Assert.All(outcome.RuleDiagnostics, d => Assert.Equal(expected, d.Severity));
    }

    [Theory]
    [MemberData(nameof(IdsUnderEditorConfig))]
    public async Task Editorconfig_sets_the_rule_severity(string id, string severity)
    {
        var outcome = await AnalyzeTriggerAsync(id, editorConfigLines: $"dotnet_diagnostic.{id}.severity = {severity}");

        var reported = outcome.Diagnostics.Where(d => d.Id == id).ToArray();
        switch (severity)
        {
            case "none":
                Assert.Empty(reported);
                break;
            case "error":
                Assert.Equal(DiagnosticSeverity.Error, Assert.Single(reported).Severity);
                break;
            default:
                Assert.Equal(DiagnosticSeverity.Info, Assert.Single(reported).Severity);
                break;
        }

        // Only the configured rule changes.
        Assert.All(outcome.RuleDiagnostics.Where(d => d.Id != id), d => Assert.Equal(DiagnosticSeverity.Warning, d.Severity));
    }

    private static async Task<AnalysisOutcome> AnalyzeTriggerAsync(string id, ReportDiagnostic generalOption = ReportDiagnostic.Default, string? editorConfigLines = null)
    {
        Assert.True(Triggers.TryGetValue(id, out var source), $"No trigger for {id}");
        var project = await AnalyzerHarness.CreateProjectAsync([source], editorConfigLines: editorConfigLines, generalOption: generalOption);
        var outcome = await AnalyzerHarness.AnalyzeAsync(project);

        Assert.Empty(outcome.Failures);
        Assert.Empty(outcome.CompilerErrors);
        return outcome;
    }
}
