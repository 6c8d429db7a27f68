using CancelGen.Generators.Tests.Support;

namespace CancelGen.Generators.Tests;

/// <summary>The generated text of every supported shape, compared with its checked-in baseline.</summary>
public class BaselineTests
{
    public static TheoryData<string> ShapeNames => [.. Shapes.All.Keys];

    [Theory]
    [MemberData(nameof(ShapeNames))]
    public void Generated_text_matches_the_baseline(string shape)
    {
        var outcome = GeneratorHarness.Run(Shapes.All[shape]);

        Assert.Empty(outcome.GeneratorDiagnostics);
        Assert.NotEmpty(outcome.Sources);
        var text = string.Join("\n", outcome.Sources
            .OrderBy(static s => s.HintName, StringComparer.Ordinal)
            .Select(static s => "// ==== " + s.HintName + "\n" + s.SourceText));
        Baseline.Verify(shape, text);
    }
}
