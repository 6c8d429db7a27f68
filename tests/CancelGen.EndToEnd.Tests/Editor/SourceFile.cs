using CancelGen.EndToEnd.Tests.Editor.Protocol;

namespace CancelGen.EndToEnd.Tests.Editor;

/// <summary>A C# file of the project open in the editor, with its text as opened.</summary>
/// <param name="Path">The absolute path.</param>
/// <param name="RelativePath">The path relative to the project folder, for messages.</param>
/// <param name="Text">The text.</param>
public sealed record SourceFile(string Path, string RelativePath, string Text)
{
    /// <summary>The URI the editor and the server name the file by.</summary>
    public string Uri { get; } = DocumentUri.FromPath(Path);

    /// <summary>The text's lines (zero-based, as LSP counts them).</summary>
    public IReadOnlyList<string> Lines { get; } = Text.ReplaceLineEndings("\n").Split('\n');

    /// <summary>Every <c>.cs</c> file under a project folder, build output (<c>bin</c>, <c>obj</c>) left out.</summary>
    /// <param name="projectDirectory">The project's folder.</param>
    public static IReadOnlyList<SourceFile> FindAll(string projectDirectory) =>
        Directory.EnumerateFiles(projectDirectory, "*.cs", SearchOption.AllDirectories)
            .Select(path => (Path: path, Relative: System.IO.Path.GetRelativePath(projectDirectory, path)))
            .Where(file => !file.Relative.Split(System.IO.Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            .OrderBy(file => file.Relative, StringComparer.Ordinal)
            .Select(file => new SourceFile(file.Path, file.Relative, File.ReadAllText(file.Path)))
            .ToArray();
}
