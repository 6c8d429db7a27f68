using CancelGen.Generators.Tests.Support;

namespace CancelGen.Generators.Tests;

/// <summary>User code plus generated code compiles with no diagnostic at all (nullable on, every warning level, docs checked).</summary>
public class CompileTests
{
    public static TheoryData<string> ShapeNames => [.. Shapes.All.Keys];

    [Theory]
    [MemberData(nameof(ShapeNames))]
    public void Shape_and_its_wrapper_compile_without_diagnostics(string shape)
    {
        var input = GeneratorHarness.CreateCompilation(Shapes.All[shape]);
        Assert.Empty(input.GetDiagnostics().Where(static d => d.Severity >= Microsoft.CodeAnalysis.DiagnosticSeverity.Warning && d.Id != "CS0103" && d.Id != "CS1061" && d.Id != "CS0117"));

        var outcome = GeneratorHarness.Run(input);

        Assert.Empty(outcome.GeneratorDiagnostics);
        Assert.Empty(outcome.CompilationProblems);
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
