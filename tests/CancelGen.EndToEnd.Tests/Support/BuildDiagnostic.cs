using System.Text.RegularExpressions;

namespace CancelGen.EndToEnd.Tests.Support;

/// <summary>One diagnostic line a build printed: <c>path(line,col): warning CG0001: message [project]</c>.</summary>
/// <param name="FileName">The file's name (without its folder).</param>
/// <param name="Line">The 1-based line.</param>
/// <param name="Severity"><c>warning</c> or <c>error</c>.</param>
/// <param name="Id">The diagnostic ID, such as <c>CG0001</c>.</param>
public sealed partial record BuildDiagnostic(string FileName, int Line, string Severity, string Id)
{
    /// <summary>
    /// Every distinct diagnostic in a build's output (MSBuild prints each twice: as it happens and in the summary).
    /// </summary>
    /// <param name="output">What the build printed.</param>
    public static IReadOnlyList<BuildDiagnostic> Parse(string output) =>
        DiagnosticLine().Matches(output)
            .Select(match => new BuildDiagnostic(
                Path.GetFileName(match.Groups["file"].Value.Trim()),
                int.Parse(match.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture),
                match.Groups["severity"].Value,
                match.Groups["id"].Value))
            .Distinct()
            .ToArray();

    [GeneratedRegex(@"^(?<file>[^\r\n(]+)\((?<line>\d+),\d+\): (?<severity>warning|error) (?<id>[A-Z]+\d+):", RegexOptions.Multiline)]
    private static partial Regex DiagnosticLine();
}
