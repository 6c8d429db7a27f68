namespace CancelGen.EndToEnd.Tests.Support;

/// <summary>
/// The compiler's ways of saying the package's generator or analyzers did not run: CS9057 (built against a newer
/// Roslyn than the compiler), CS8032 (could not be loaded), AD0001 (threw).
/// </summary>
public static class AnalyzerLoadFailures
{
    /// <summary>The diagnostic IDs that mean a packed generator or analyzer did not do its work.</summary>
    public static readonly IReadOnlyList<string> Ids = ["CS9057", "CS8032", "AD0001"];

    /// <summary>Fails with the build's whole output when it mentions any of <see cref="Ids"/>.</summary>
    /// <param name="result">A finished build.</param>
    public static void AssertNone(DotnetResult result)
    {
        var found = Ids.Where(id => result.Output.Contains(id, StringComparison.Ordinal)).ToArray();
        Assert.True(
            found.Length == 0,
            $"The packed generator or analyzers did not run ({string.Join(", ", found)}).{Environment.NewLine}{result.Describe()}");
    }
}
