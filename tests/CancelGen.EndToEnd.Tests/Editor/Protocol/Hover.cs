using System.Text.Json;

namespace CancelGen.EndToEnd.Tests.Editor.Protocol;

/// <summary>The parameters of <c>textDocument/hover</c>.</summary>
/// <param name="TextDocument">The document.</param>
/// <param name="Position">The position hovered over.</param>
public sealed record HoverParams(TextDocumentIdentifier TextDocument, LspPosition Position);

/// <summary>The answer to <c>textDocument/hover</c>.</summary>
/// <param name="Contents">
/// Markup content (<c>{ kind, value }</c>), a marked string, or an array of marked strings: kept raw and read with
/// <see cref="Text"/>.
/// </param>
public sealed record HoverResult(JsonElement Contents)
{
    /// <summary>The hover's text, whichever of the LSP shapes the server used; parts are joined by blank lines.</summary>
    public string Text => Flatten(Contents);

    private static string Flatten(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString() ?? string.Empty,
        JsonValueKind.Array => string.Join("\n\n", element.EnumerateArray().Select(Flatten)),
        JsonValueKind.Object when element.TryGetProperty("value", out var value) => Flatten(value),
        _ => string.Empty,
    };
}
