using System.Text.RegularExpressions;

namespace CancelGen.EndToEnd.Tests.Support;

/// <summary>A source line marked with the diagnostic it must produce: <c>statement; // CG0001</c>.</summary>
/// <param name="FileName">The file's name (without its folder).</param>
/// <param name="Line">The 1-based line.</param>
/// <param name="Id">The diagnostic ID in the marker comment.</param>
public sealed partial record MarkedLine(string FileName, int Line, string Id)
{
    /// <summary>Every line under <paramref name="directory"/> (its <c>.cs</c> files, bin/obj skipped) that ends with a <c>// CGnnnn</c> marker.</summary>
    /// <param name="directory">The project folder to scan.</param>
    public static IReadOnlyList<MarkedLine> Find(string directory) =>
        Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(path => File.ReadLines(path).Select((text, index) => (path, text, line: index + 1)))
            .Select(entry => (entry.path, entry.line, marker: Marker().Match(entry.text)))
            .Where(entry => entry.marker.Success)
            .Select(entry => new MarkedLine(Path.GetFileName(entry.path), entry.line, entry.marker.Groups["id"].Value))
            .ToArray();

    [GeneratedRegex(@"//\s*(?<id>CG\d{4})\s*$")]
    private static partial Regex Marker();
}
