namespace CancelGen.EndToEnd.Tests.Editor.Protocol;

/// <summary>A document as the editor opens it.</summary>
/// <param name="Uri">The document's <c>file://</c> URI.</param>
/// <param name="LanguageId">The language, <c>csharp</c> here.</param>
/// <param name="Version">The editor's version of the text; 1 for a freshly opened file.</param>
/// <param name="Text">The whole text.</param>
public sealed record TextDocumentItem(string Uri, string LanguageId, int Version, string Text);

/// <summary>The parameters of the notification <c>textDocument/didOpen</c>.</summary>
/// <param name="TextDocument">The opened document.</param>
public sealed record DidOpenTextDocumentParams(TextDocumentItem TextDocument);
