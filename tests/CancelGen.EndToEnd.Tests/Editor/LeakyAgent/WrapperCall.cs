using System.Text.RegularExpressions;
using CancelGen.EndToEnd.Tests.Editor.Protocol;

namespace CancelGen.EndToEnd.Tests.Editor.LeakyAgent;

/// <summary>A call of a generated <c>...Streamed</c> wrapper in the sources: where an editor user would hover.</summary>
/// <param name="File">The file that holds the call.</param>
/// <param name="Name">The wrapper's name, such as <c>RunStreamed</c>.</param>
/// <param name="Position">The position of the name's first character.</param>
public sealed partial record WrapperCall(SourceFile File, string Name, LspPosition Position)
{
    /// <summary>The first call of a <c>...Streamed</c> method outside comments, or null when the sources make none.</summary>
    /// <param name="files">The project's sources.</param>
    public static WrapperCall? FindFirst(IEnumerable<SourceFile> files) =>
        files.SelectMany(file => file.Lines.Select((text, index) => (file, text, index)))
            .Where(line => !line.text.TrimStart().StartsWith("//", StringComparison.Ordinal))
            .Select(line => (line.file, line.index, match: Call().Match(CodeOf(line.text))))
            .Where(line => line.match.Success)
            .Select(line => new WrapperCall(
                line.file,
                line.match.Groups["name"].Value,
                new LspPosition(line.index, line.match.Groups["name"].Index)))
            .FirstOrDefault();

    /// <summary>The call as <c>Program.cs:12 RunStreamed</c>.</summary>
    public override string ToString() => $"{File.RelativePath}:{Position.Line + 1} {Name}";

    private static string CodeOf(string line)
    {
        var comment = line.IndexOf("//", StringComparison.Ordinal);
        return comment < 0 ? line : line[..comment];
    }

    [GeneratedRegex(@"\b(?<name>\w+Streamed)\s*\(")]
    private static partial Regex Call();
}
