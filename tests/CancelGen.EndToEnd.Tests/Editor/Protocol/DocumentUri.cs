namespace CancelGen.EndToEnd.Tests.Editor.Protocol;

/// <summary>Turns file paths into the <c>file://</c> URIs LSP names documents and folders by.</summary>
public static class DocumentUri
{
    /// <summary>The <c>file://</c> URI of an absolute path, percent-encoded the way LSP servers write it back.</summary>
    /// <param name="path">An absolute file or folder path.</param>
    /// <exception cref="ArgumentException">The path is not absolute.</exception>
    public static string FromPath(string path) =>
        Path.IsPathFullyQualified(path)
            ? new Uri(path).AbsoluteUri
            : throw new ArgumentException($"A document URI needs an absolute path; '{path}' is relative.", nameof(path));
}
