using CancelGen.EndToEnd.Tests.Support;

namespace CancelGen.EndToEnd.Tests;

/// <summary>
/// <c>samples/LeakyAgent</c> (one instance of each CG0001–CG0004 mistake, each line marked) built against the
/// packed package: the analyzers shipped in <c>analyzers/dotnet/cs</c> report each rule at its line.
/// </summary>
[Collection(PackedPackages.CollectionName)]
public sealed class LeakyAgentTests(PackedPackages packages)
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(5);
    private static readonly string[] Rules = ["CG0001", "CG0002", "CG0003", "CG0004"];

    [Fact]
    public async Task Build_reports_each_CG_rule_as_a_warning_at_its_marked_line()
    {
        var consumer = CreateLeakyAgent();

        var build = await consumer.RunDotnetAsync(BuildTimeout, "build", "-c", "Release");

        AnalyzerLoadFailures.AssertNone(build);
        build.EnsureSuccess();
        AssertEachMarkedLineReported(consumer, build, "warning");
    }

    [Fact]
    public async Task Build_with_warnaserror_fails_with_each_CG_rule_as_an_error_at_its_marked_line()
    {
        var consumer = CreateLeakyAgent();

        var build = await consumer.RunDotnetAsync(BuildTimeout, "build", "-c", "Release", "-warnaserror");

        AnalyzerLoadFailures.AssertNone(build);
        Assert.False(build.Succeeded, build.Describe());
        AssertEachMarkedLineReported(consumer, build, "error");
    }

    [Fact]
    public async Task Editorconfig_severity_none_silences_every_CG_rule()
    {
        var consumer = CreateLeakyAgent();
        File.WriteAllLines(
            consumer.PathOf(".editorconfig"),
            ["root = true", "", "[*.cs]", .. Rules.Select(rule => $"dotnet_diagnostic.{rule}.severity = none")]);

        var build = await consumer.RunDotnetAsync(BuildTimeout, "build", "-c", "Release", "-warnaserror");

        AnalyzerLoadFailures.AssertNone(build);
        build.EnsureSuccess();
        Assert.DoesNotContain(BuildDiagnostic.Parse(build.Output), diagnostic => diagnostic.Id.StartsWith("CG", StringComparison.Ordinal));
    }

    private ConsumerProject CreateLeakyAgent() =>
        packages.CreateConsumer(packages.RepositoryPath("samples/LeakyAgent"));

    private static void AssertEachMarkedLineReported(ConsumerProject consumer, DotnetResult build, string severity)
    {
        var expected = MarkedLine.Find(consumer.Directory)
            .Select(marked => new BuildDiagnostic(marked.FileName, marked.Line, severity, marked.Id))
            .OrderBy(diagnostic => diagnostic.Id, StringComparer.Ordinal)
            .ToArray();
        Assert.Equal(Rules, expected.Select(diagnostic => diagnostic.Id));

        var reported = BuildDiagnostic.Parse(build.Output)
            .Where(diagnostic => diagnostic.Id.StartsWith("CG", StringComparison.Ordinal))
            .OrderBy(diagnostic => diagnostic.Id, StringComparer.Ordinal)
            .ToArray();
        Assert.True(expected.SequenceEqual(reported), $"Expected {string.Join("; ", expected)}{Environment.NewLine}{build.Describe()}");
    }
}
