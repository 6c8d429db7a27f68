using CancelGen.Generators.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CancelGen.Generators.Tests;

/// <summary>User code plus generated code compiles with no diagnostic at all (nullable on, every warning level, docs checked).</summary>
public class CompileTests
{
    public static TheoryData<string> ShapeNames => [.. Shapes.All.Keys];

    [Theory]
    [MemberData(nameof(ShapeNames))]
    public void Shape_and_its_wrapper_compile_without_diagnostics(string shape)
    {
        // Apart from calls to the wrappers (not generated yet), the shape is valid C#.
        var input = GeneratorHarness.CreateCompilation(Shapes.All[shape]);
        Assert.Empty(input.GetDiagnostics().Where(static d => d.Severity >= DiagnosticSeverity.Warning && d.Id is not ("CS0103" or "CS1061" or "CS0117" or "CS1955")));

        var outcome = GeneratorHarness.Run(input);

        Assert.Empty(outcome.GeneratorDiagnostics);
        Assert.Empty(outcome.CompilationProblems);
    }

    [Theory]
    [InlineData(DocumentationMode.None)]
    [InlineData(DocumentationMode.Parse)]
    public void Shapes_compile_under_every_documentation_mode(DocumentationMode mode)
    {
        var options = GeneratorHarness.ParseOptions.WithDocumentationMode(mode);
        var outcome = GeneratorHarness.Run(GeneratorHarness.CreateCompilation(options, [.. Shapes.All.Values]), options);

        Assert.Empty(outcome.GeneratorDiagnostics);
        Assert.Empty(outcome.CompilationProblems);
        var documented = outcome.Sources.Single(static s => s.HintName.StartsWith("Agents.WeatherAgent.", StringComparison.Ordinal)).SourceText.ToString();
        Assert.Contains("/// <param name=\"input\">The user's question.</param>", documented, StringComparison.Ordinal);
        Assert.Contains("/// <returns>The handle of the started run", documented, StringComparison.Ordinal);
    }

    [Fact]
    public void Emitter_in_a_CSharp_7_3_library_compiles_without_nullable_directives()
    {
        const string source = """
            using System.Threading.Tasks;
            using CancelGen;

            namespace Legacy
            {
                internal partial class Worker
                {
                    [StreamingRun]
                    public async Task<string> WorkAsync(RunContext<string> run, string input = null, params int[] values)
                    {
                        await run.EmitAsync(input);
                        return input + values.Length;
                    }

                    internal RunResultStreaming<string, string> Use() { return WorkStreamed("x", 1, 2); }
                }
            }
            """;
        var options = GeneratorHarness.ParseOptions.WithLanguageVersion(LanguageVersion.CSharp7_3);
        var compilation = GeneratorHarness.CreateCompilation(options, source);
        compilation = compilation.WithOptions(compilation.Options.WithNullableContextOptions(NullableContextOptions.Disable));

        var outcome = GeneratorHarness.Run(compilation, options);

        Assert.Empty(outcome.GeneratorDiagnostics);
        Assert.Empty(outcome.CompilationProblems);
        Assert.DoesNotContain("#nullable", outcome.Sources.Single().SourceText.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void All_shapes_together_compile_without_diagnostics()
    {
        var outcome = GeneratorHarness.Run([.. Shapes.All.Values]);

        Assert.Empty(outcome.GeneratorDiagnostics);
        Assert.Empty(outcome.CompilationProblems);
        Assert.Equal(outcome.Sources.Length, outcome.Sources.Select(static s => s.HintName).Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }
}
