using System.Text.RegularExpressions;

namespace CancelGen.EndToEnd.Tests.Editor.LeakyAgent;

/// <summary>
/// Reads the expectations written into LeakyAgent's sources: a line that ends with a comment starting with a
/// CancelGen rule ID (<c>// CG0002</c>, <c>// CG0004: no token</c>) is where that rule must be reported.
/// </summary>
public static partial class RuleMarkers
{
    /// <summary>The rule IDs of CancelGen's usage analyzers, each of which LeakyAgent shows once.</summary>
    public static readonly IReadOnlyList<string> UsageRuleIds = ["CG0001", "CG0002", "CG0003", "CG0004"];

    /// <summary>Every marked line of the files, in file and line order.</summary>
    /// <param name="files">The project's sources.</param>
    public static IReadOnlyList<MarkedDiagnostic> Read(IEnumerable<SourceFile> files) =>
        files.SelectMany(file => file.Lines.Select((text, index) => (file, text, index)))
            .Select(line => (line.file, line.index, match: Marker().Match(line.text)))
            .Where(line => line.match.Success)
            .Select(line => new MarkedDiagnostic(line.file.RelativePath, line.index + 1, line.match.Groups["id"].Value))
            .ToArray();

    /// <summary>Whether a diagnostic ID is a CancelGen one (<c>CG</c> and four digits).</summary>
    /// <param name="id">A diagnostic ID.</param>
    public static bool IsCancelGenId(string id) => RuleId().IsMatch(id);

    [GeneratedRegex(@"//\s*(?<id>CG\d{4})\b")]
    private static partial Regex Marker();

    [GeneratedRegex(@"^CG\d{4}$")]
    private static partial Regex RuleId();
}
