namespace CancelGen.EndToEnd.Tests.Editor.Protocol;

/// <summary>An LSP position: zero-based line and UTF-16 character offset.</summary>
/// <param name="Line">The zero-based line.</param>
/// <param name="Character">The zero-based UTF-16 offset in the line.</param>
public sealed record LspPosition(int Line, int Character);

/// <summary>An LSP range: from <paramref name="Start"/> up to (not including) <paramref name="End"/>.</summary>
/// <param name="Start">The first position.</param>
/// <param name="End">The position after the last character.</param>
public sealed record LspRange(LspPosition Start, LspPosition End);

/// <summary>The document a request is about.</summary>
/// <param name="Uri">The document's <c>file://</c> URI.</param>
public sealed record TextDocumentIdentifier(string Uri);
