namespace CancelGen.EndToEnd.Tests.Editor.LeakyAgent;

/// <summary>A diagnostic expected, or shown, at one line of one file.</summary>
/// <param name="File">The file's path relative to the project folder.</param>
/// <param name="Line">The one-based line, as an editor numbers it.</param>
/// <param name="Id">The diagnostic ID, such as <c>CG0001</c>.</param>
public sealed record MarkedDiagnostic(string File, int Line, string Id)
{
    /// <summary>The diagnostic as <c>Program.cs:12 CG0001</c>.</summary>
    public override string ToString() => $"{File}:{Line} {Id}";
}
