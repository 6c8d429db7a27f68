using CancelGen.Generators.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CancelGen.Generators.Tests;

/// <summary>
/// The pipeline caches: unrelated edits re-run nothing; a signature edit regenerates only the file of the edited
/// method's type (all of that type's wrappers, since they share one file), and every other type's file stays cached.
/// </summary>
public class CachingTests
{
    private const string AgentA = """
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using CancelGen;

        namespace Caching;

        internal partial class AgentA
        {
            [StreamingRun]
            public async IAsyncEnumerable<int> RunAsync(string input, RunContext run)
            {
                await run.EndTurnAsync();
                yield return input.Length;
            }

            [StreamingRun]
            public async Task<int> CountAsync(string text, RunContext<int> run)
            {
                await run.EmitAsync(text.Length);
                return text.Length;
            }
        }
        """;

    private const string AgentB = """
        using System.Threading.Tasks;
        using CancelGen;

        namespace Caching;

        internal partial class AgentB
        {
            [StreamingRun]
            public async Task<string> AnswerAsync(string question, RunContext<string> run)
            {
                await run.EmitAsync(question);
                return question;
            }
        }
        """;

    // A misuse, so that the diagnostic leg carries something too.
    private const string Broken = """
        using System.Threading.Tasks;
        using CancelGen;

        namespace Caching;

        internal class NotPartial
        {
            [StreamingRun]
            public Task LogAsync(RunContext<string> run) => Task.CompletedTask;
        }
        """;

    private const string Other = """
        namespace Caching;

        internal static class Other
        {
            // A comment.
            public static int Compute(int x) => x + 1;
        }
        """;

    public static TheoryData<string> UnrelatedEdits => ["add a file", "change a method body elsewhere", "add a comment", "change the body of a marked method"];

    [Theory]
    [MemberData(nameof(UnrelatedEdits))]
    public void Unrelated_edit_leaves_every_step_and_output_cached(string edit)
    {
        var compilation = Create();
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        Assert.Equal(2, driver.GetRunResult().Results.Single().GeneratedSources.Length);

        var edited = edit switch
        {
            "add a file" => compilation.AddSyntaxTrees(Parse("namespace Caching; internal sealed class Added { }", "Added.cs")),
            "change a method body elsewhere" => Replace(compilation, "Other.cs", "x + 1", "x * 2 + 1"),
            "add a comment" => Replace(compilation, "Other.cs", "// A comment.", "// A comment.\n    // Another comment."),
            _ => Replace(compilation, "AgentA.cs", "yield return input.Length;", "yield return input.Length + 1;"),
        };
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        StepAssertions.AssertAllCachedOrUnchanged(result, StepAssertions.AllTrackingNames);
        Assert.Equal(StepAssertions.AllTrackingNames.Order(), result.TrackedSteps.Keys.Where(StepAssertions.AllTrackingNames.Contains).Order());
        var outputs = StepAssertions.OutputReasons(result).ToList();
        Assert.NotEmpty(outputs);
        Assert.All(outputs, static reason => Assert.Equal(IncrementalStepRunReason.Cached, reason));
        Assert.Single(result.Diagnostics, static d => d.Id == "CG1001");
    }

    [Fact]
    public void Signature_edit_regenerates_only_the_file_of_that_type()
    {
        var compilation = Create();
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        var before = driver.GetRunResult().Results.Single().GeneratedSources.ToDictionary(static s => s.HintName, static s => s.SourceText.ToString());

        var edited = Replace(compilation, "AgentA.cs", "RunAsync(string input, RunContext run)", "RunAsync(string input, int count, RunContext run)");
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        // One method's model changed; the others (AgentA.CountAsync, AgentB.AnswerAsync) did not.
        var modelReasons = Reasons(result, TrackingNames.Models);
        Assert.Equal(3, modelReasons.Count);
        Assert.Single(modelReasons, static r => r == IncrementalStepRunReason.Modified);
        Assert.Equal(2, modelReasons.Count(static r => r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged));

        // Grouping re-runs over all the models (values only), and only AgentA's group differs from the last run.
        var typeReasons = Reasons(result, TrackingNames.Types);
        Assert.Equal(2, typeReasons.Count);
        Assert.Single(typeReasons, static r => r == IncrementalStepRunReason.Modified);
        Assert.Single(typeReasons, static r => r == IncrementalStepRunReason.Unchanged);

        // So AgentA's file is emitted again (with both its wrappers) and AgentB's comes from the cache.
        Assert.Equal([IncrementalStepRunReason.Modified, IncrementalStepRunReason.Cached], FileOutputReasons(result));

        var after = result.GeneratedSources.ToDictionary(static s => s.HintName, static s => s.SourceText.ToString());
        Assert.Equal(before.Keys.Order(), after.Keys.Order());
        var changed = after.Where(kv => before[kv.Key] != kv.Value).Select(static kv => kv.Key).ToList();
        Assert.Single(changed);
        Assert.StartsWith("Caching.AgentA.", changed[0], StringComparison.Ordinal);
        Assert.Contains("RunStreamed(string input, int count, ", after[changed[0]], StringComparison.Ordinal);
        Assert.Contains("CountStreamed(string text, ", after[changed[0]], StringComparison.Ordinal);
    }

    [Fact]
    public void Adding_a_marked_method_to_a_type_regenerates_only_that_types_file()
    {
        var compilation = Create();
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);

        var edited = Replace(compilation, "AgentB.cs", "return question;\n    }",
            "return question;\n    }\n\n    [StreamingRun]\n    public async Task<int> LengthAsync(string text, RunContext<int> run)\n    {\n        await run.EmitAsync(text.Length);\n        return text.Length;\n    }");
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        Assert.Equal([IncrementalStepRunReason.Unchanged, IncrementalStepRunReason.Modified], Reasons(result, TrackingNames.Types));
        Assert.Equal([IncrementalStepRunReason.Cached, IncrementalStepRunReason.Modified], FileOutputReasons(result));
        var agentB = result.GeneratedSources.Single(static s => s.HintName.StartsWith("Caching.AgentB.", StringComparison.Ordinal)).SourceText.ToString();
        Assert.Contains("AnswerStreamed(", agentB, StringComparison.Ordinal);
        Assert.Contains("LengthStreamed(", agentB, StringComparison.Ordinal);
    }

    [Fact]
    public void Editing_a_misused_method_re_reports_its_diagnostic_at_the_new_place()
    {
        var compilation = Create();
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        var first = driver.GetRunResult().Diagnostics.Single(static d => d.Id == "CG1001");

        var edited = Replace(compilation, "Broken.cs", "internal class NotPartial", "// moved down a line\ninternal class NotPartial");
        var second = driver.RunGenerators(edited).GetRunResult().Diagnostics.Single(static d => d.Id == "CG1001");

        Assert.Equal(first.Location.GetLineSpan().StartLinePosition.Line + 1, second.Location.GetLineSpan().StartLinePosition.Line);
        Assert.True(second.Location.IsInSource);
    }

    [Fact]
    public void No_step_output_holds_a_compilation_symbol_syntax_node_or_location()
    {
        var compilation = Create();
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        // A second run, so that cached values are what is walked too.
        var result = driver.RunGenerators(Replace(compilation, "Other.cs", "x + 1", "x + 2")).GetRunResult().Results.Single();
        var fresh = driver.GetRunResult().Results.Single();

        foreach (var run in new[] { fresh, result })
        {
            foreach (var name in StepAssertions.ModelTrackingNames)
            {
                StepAssertions.AssertHoldsNoRoslynObjects(run, name, allowSyntaxTrees: false);
            }

            // The reporting leg pairs diagnostics with their syntax tree (needed for a source location); it holds
            // the tree and plain values, never a compilation, symbol, node or location.
            StepAssertions.AssertHoldsNoRoslynObjects(run, TrackingNames.DiagnosticsByTree, allowSyntaxTrees: true);
        }

        Assert.Equal(StepAssertions.AllTrackingNames.Order(), fresh.TrackedSteps.Keys.Where(StepAssertions.AllTrackingNames.Contains).Order());
    }

    [Fact]
    public void Pragma_suppresses_a_generator_diagnostic()
    {
        const string suppressed = """
            using System.Threading.Tasks;
            using CancelGen;

            internal class NotPartial
            {
            #pragma warning disable CG1001
                [StreamingRun]
                public Task LogAsync(RunContext<string> run) => Task.CompletedTask;
            #pragma warning restore CG1001
            }
            """;

        var outcome = GeneratorHarness.Run(suppressed);

        Assert.DoesNotContain(outcome.GeneratorDiagnostics, static d => d.Id == "CG1001" && !d.IsSuppressed);
        var withoutPragma = GeneratorHarness.Run(suppressed.Replace("#pragma", "// pragma", StringComparison.Ordinal));
        Assert.Contains(withoutPragma.GeneratorDiagnostics, static d => d.Id == "CG1001" && !d.IsSuppressed);
    }

    private static CSharpCompilation Create() => GeneratorHarness.CreateCompilation(
    [
        Parse(AgentA, "AgentA.cs"),
        Parse(AgentB, "AgentB.cs"),
        Parse(Broken, "Broken.cs"),
        Parse(Other, "Other.cs"),
    ]);

    private static List<IncrementalStepRunReason> Reasons(GeneratorRunResult result, string step) =>
        [.. result.TrackedSteps[step].SelectMany(static s => s.Outputs).Select(static o => o.Reason)];

    /// <summary>The reasons of the source output that writes the files (the other source outputs report diagnostics), in file order.</summary>
    private static List<IncrementalStepRunReason> FileOutputReasons(GeneratorRunResult result) =>
        [.. result.TrackedOutputSteps["SourceOutput"]
            .Where(static s => s.Inputs.Any(static i => i.Source.Name == TrackingNames.Types))
            .SelectMany(static s => s.Outputs)
            .Select(static o => o.Reason)];

    private static SyntaxTree Parse(string text, string path) => CSharpSyntaxTree.ParseText(text, GeneratorHarness.ParseOptions, path);

    private static Compilation Replace(Compilation compilation, string path, string oldText, string newText)
    {
        var tree = compilation.SyntaxTrees.Single(t => t.FilePath == path);
        var text = tree.GetText().ToString();
        Assert.Contains(oldText, text, StringComparison.Ordinal);
        return compilation.ReplaceSyntaxTree(tree, Parse(text.Replace(oldText, newText, StringComparison.Ordinal), path));
    }
}
