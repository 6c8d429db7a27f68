using CancelGen.Generators.Models;
using CancelGen.Generators.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CancelGen.Generators.Tests;

/// <summary>
/// One generated file per containing type: the wrappers of a type share one file, and every type gets its own,
/// with a deterministic hint name that no other type (nested, generic, in another namespace, differing in case only)
/// can share.
/// </summary>
public class FilePerTypeTests
{
    private const string Usings = """
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using CancelGen;

        """;

    [Fact]
    public void Two_marked_methods_in_one_type_share_one_file_with_both_wrappers()
    {
        var outcome = GeneratorHarness.Run(Usings + """
            namespace Agents;

            internal partial class Pair
            {
                [StreamingRun]
                public async IAsyncEnumerable<int> FirstAsync(int count)
                {
                    await Task.Yield();
                    yield return count;
                }

                [StreamingRun]
                public async Task<string> SecondAsync(string text, RunContext<int> run)
                {
                    await run.EmitAsync(text.Length);
                    return text;
                }

                internal void Use()
                {
                    _ = FirstStreamed(1);
                    _ = SecondStreamed("x");
                }
            }
            """);

        Assert.Empty(outcome.GeneratorDiagnostics);
        Assert.Empty(outcome.CompilationProblems);
        var file = Assert.Single(outcome.Sources);
        Assert.Matches("^Agents\\.Pair\\.[0-9a-f]{16}\\.g\\.cs$", file.HintName);
        var text = file.SourceText.ToString();
        Assert.Equal(1, Count(text, "partial class Pair"));
        Assert.True(text.IndexOf(" FirstStreamed(", StringComparison.Ordinal) < text.IndexOf(" SecondStreamed(", StringComparison.Ordinal), "The wrappers keep the source order.");
    }

    [Fact]
    public void Nested_and_generic_types_get_one_file_each()
    {
        var outcome = GeneratorHarness.Run(Usings + """
            namespace Agents;

            internal partial class Outer
            {
                [StreamingRun] public async IAsyncEnumerable<int> PlainAsync() { await Task.Yield(); yield return 0; }
            }

            internal partial class Outer<T>
            {
                [StreamingRun] public async IAsyncEnumerable<T> OneAsync(T item) { await Task.Yield(); yield return item; }
                [StreamingRun] public async IAsyncEnumerable<T> AnotherAsync(T item) { await Task.Yield(); yield return item; }

                internal partial class Inner
                {
                    [StreamingRun] public async IAsyncEnumerable<T> InnerAsync(T item) { await Task.Yield(); yield return item; }
                }

                internal partial class Inner<U>
                {
                    [StreamingRun] public async IAsyncEnumerable<U> InnerOfUAsync(U item) { await Task.Yield(); yield return item; }
                }
            }

            internal partial class Outer<T1, T2>
            {
                [StreamingRun] public async IAsyncEnumerable<T2> PairAsync(T2 item) { await Task.Yield(); yield return item; }
            }

            // Sanitizes to the same readable path as Outer<T> ("Outer_1"): the hash tells them apart.
            internal partial class Outer_1
            {
                [StreamingRun] public async IAsyncEnumerable<int> LookAlikeAsync() { await Task.Yield(); yield return 1; }
            }
            """);

        Assert.Empty(outcome.GeneratorDiagnostics);
        Assert.Empty(outcome.CompilationProblems);
        var names = outcome.Sources.Select(static s => s.HintName).ToList();
        Assert.Equal(6, names.Count);
        Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal(
            ["Agents.Outer.", "Agents.Outer_1.", "Agents.Outer_1.Inner.", "Agents.Outer_1.Inner_1.", "Agents.Outer_2.", "Agents.Outer_1."],
            names.Select(static n => n[..(n.Length - "0123456789abcdef.g.cs".Length)]));

        var genericOuter = SourceContaining(outcome, " OneStreamed(");
        Assert.Contains(" AnotherStreamed(", genericOuter, StringComparison.Ordinal);
        Assert.Contains("partial class Outer<T>\n", genericOuter, StringComparison.Ordinal);
        Assert.DoesNotContain("Inner", genericOuter, StringComparison.Ordinal);
        Assert.Contains("partial class Inner<U>\n", SourceContaining(outcome, " InnerOfUStreamed("), StringComparison.Ordinal);
    }

    [Fact]
    public void Same_type_name_in_two_namespaces_gets_two_files()
    {
        var outcome = GeneratorHarness.Run(
            Usings + """
                namespace Alpha;

                internal partial class Agent
                {
                    [StreamingRun] public async IAsyncEnumerable<int> RunAsync() { await Task.Yield(); yield return 1; }
                }
                """,
            Usings + """
                namespace Beta;

                internal partial class Agent
                {
                    [StreamingRun] public async IAsyncEnumerable<int> RunAsync() { await Task.Yield(); yield return 2; }
                }
                """);

        Assert.Empty(outcome.GeneratorDiagnostics);
        Assert.Empty(outcome.CompilationProblems);
        Assert.Collection(
            outcome.Sources,
            static s => Assert.StartsWith("Alpha.Agent.", s.HintName, StringComparison.Ordinal),
            static s => Assert.StartsWith("Beta.Agent.", s.HintName, StringComparison.Ordinal));
    }

    [Fact]
    public void Types_whose_names_differ_only_in_case_get_two_files()
    {
        // The driver compares hint names ignoring case: the same readable path twice would make it drop every file.
        var outcome = GeneratorHarness.Run(Usings + """
            namespace Agents;

            internal partial class Agent
            {
                [StreamingRun] public async IAsyncEnumerable<int> RunAsync() { await Task.Yield(); yield return 1; }
            }

            internal partial class AGENT
            {
                [StreamingRun] public async IAsyncEnumerable<int> RunAsync() { await Task.Yield(); yield return 2; }
            }
            """);

        Assert.Empty(outcome.GeneratorDiagnostics);
        Assert.Empty(outcome.CompilationProblems);
        var names = outcome.Sources.Select(static s => s.HintName).ToList();
        Assert.Equal(2, names.Count);
        Assert.Equal(2, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public void Partial_type_split_across_files_gets_one_file_and_diagnostics_keep_their_location()
    {
        var first = Usings + """
            namespace Agents;

            internal partial class Split
            {
                [StreamingRun] public async IAsyncEnumerable<int> FirstAsync() { await Task.Yield(); yield return 1; }
            }
            """;
        var second = Usings + """
            namespace Agents;

            internal partial class Split
            {
                [StreamingRun] public async IAsyncEnumerable<int> SecondAsync() { await Task.Yield(); yield return 2; }

                [StreamingRun] public int Wrong() => 0;
            }
            """;

        var outcome = GeneratorHarness.Run(first, second);

        var file = Assert.Single(outcome.Sources);
        Assert.StartsWith("Agents.Split.", file.HintName, StringComparison.Ordinal);
        var text = file.SourceText.ToString();
        Assert.Equal(1, Count(text, "partial class Split"));
        Assert.True(text.IndexOf(" FirstStreamed(", StringComparison.Ordinal) < text.IndexOf(" SecondStreamed(", StringComparison.Ordinal));

        // The mistake in the second part is reported where it is, in source (so '#pragma' and [SuppressMessage] apply).
        var diagnostic = Assert.Single(outcome.GeneratorDiagnostics);
        Assert.Equal("CG1002", diagnostic.Id);
        Assert.True(diagnostic.Location.IsInSource);
        Assert.Equal("Input1.cs", diagnostic.Location.SourceTree!.FilePath);
        var line = second.Split('\n').ToList().FindIndex(static l => l.Contains("Wrong()", StringComparison.Ordinal));
        Assert.Equal(line, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Empty(outcome.CompilationProblems);
    }

    [Fact]
    public void Hint_names_are_the_same_on_every_run_and_for_any_file_order()
    {
        var sources = new[]
        {
            Usings + "namespace Agents; internal partial class B { [StreamingRun] public async IAsyncEnumerable<int> RunAsync() { await Task.Yield(); yield return 1; } }",
            Usings + "namespace Agents; internal partial class A { [StreamingRun] public async IAsyncEnumerable<int> RunAsync() { await Task.Yield(); yield return 1; } }",
        };

        var once = GeneratorHarness.Run(sources).Sources.Select(static s => (s.HintName, Text: s.SourceText.ToString())).ToList();
        var again = GeneratorHarness.Run(sources).Sources.Select(static s => (s.HintName, Text: s.SourceText.ToString())).ToList();
        var reversed = GeneratorHarness.Run(sources[1], sources[0]).Sources.Select(static s => (s.HintName, Text: s.SourceText.ToString())).ToList();

        Assert.Equal(once, again);
        Assert.Equal(once.OrderBy(static s => s.HintName, StringComparer.Ordinal), reversed.OrderBy(static s => s.HintName, StringComparer.Ordinal));
    }

    [Fact]
    public void Two_declarations_claiming_one_type_never_give_the_driver_a_duplicate_hint_name()
    {
        // Does not compile (CS0101 / CS0261), but the generator must not make the driver drop its output (CS8785).
        var outcome = GeneratorHarness.Run(Usings + """
            namespace Agents;

            internal partial class Twice
            {
                [StreamingRun] public async IAsyncEnumerable<int> RunAsync() { await Task.Yield(); yield return 1; }
            }

            internal partial struct Twice
            {
                [StreamingRun] public static async IAsyncEnumerable<int> TickAsync() { await Task.Yield(); yield return 1; }
            }
            """);

        Assert.Null(outcome.Result.Exception);
        Assert.DoesNotContain(outcome.GeneratorDiagnostics, static d => d.Id is "CS8784" or "CS8785");
        var names = outcome.Sources.Select(static s => s.HintName).ToList();
        Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public void Wrappers_that_claim_one_hint_name_with_different_declarations_get_numbered_names()
    {
        // Unreachable from compiling code (a hint name is a type's identity), so built from a real model: the
        // grouping must still never hand the driver the same hint name twice.
        var outcome = GeneratorHarness.Run(Usings + """
            namespace Agents;

            internal partial class Same
            {
                [StreamingRun] public async IAsyncEnumerable<int> RunAsync() { await Task.Yield(); yield return 1; }
            }
            """);
        var model = outcome.Result.TrackedSteps[TrackingNames.Models].SelectMany(static s => s.Outputs).Select(static o => o.Value).OfType<StreamingRunModel>().Single();
        var asStruct = model with { ContainingTypes = new[] { model.ContainingTypes[0] with { Keyword = "struct" } }.ToEquatableArray() };

        var files = Emitting.WrapperFiles.Group([model, asStruct, model], CancellationToken.None);

        Assert.Equal(2, files.Length);
        Assert.Equal(2, files[0].Wrappers.Count);
        Assert.Equal(model.TypeHintName, files[0].HintName);
        Assert.Equal(model.TypeHintName[..^".g.cs".Length] + ".2.g.cs", files[1].HintName);
        Assert.Equal("struct", files[1].ContainingTypes[0].Keyword);
    }

    private static string SourceContaining(GeneratorRunOutcome outcome, string text) =>
        outcome.Sources.Single(s => s.SourceText.ToString().Contains(text, StringComparison.Ordinal)).SourceText.ToString();

    private static int Count(string text, string value)
    {
        var count = 0;
        for (var index = text.IndexOf(value, StringComparison.Ordinal); index >= 0; index = text.IndexOf(value, index + value.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
