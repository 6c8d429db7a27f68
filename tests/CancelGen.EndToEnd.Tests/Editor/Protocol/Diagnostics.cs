using System.Text.Json;

namespace CancelGen.EndToEnd.Tests.Editor.Protocol;

/// <summary>One diagnostic as the server shows it in the editor.</summary>
/// <param name="Range">Where it is shown.</param>
/// <param name="Severity">1 error, 2 warning, 3 information, 4 hint; null when the server leaves it to the client.</param>
/// <param name="Code">The diagnostic ID (a string such as <c>CG0001</c>, or a number from some servers).</param>
/// <param name="Message">The text shown to the user.</param>
public sealed record LspDiagnostic(LspRange Range, int? Severity, JsonElement? Code, string Message)
{
    /// <summary>The LSP severity of an error.</summary>
    public const int ErrorSeverity = 1;

    /// <summary>The diagnostic ID as text, or an empty string when the server sent none.</summary>
    public string Id => Code is { ValueKind: JsonValueKind.String or JsonValueKind.Number } code ? code.ToString() : string.Empty;

    /// <summary>The diagnostic as one line for failure messages: <c>CG0001 (line 12, warning): text</c>.</summary>
    public override string ToString() =>
        $"{Id} (line {Range.Start.Line + 1}, severity {Severity?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unset"}): {Message}";
}

/// <summary>The parameters of the pull request <c>textDocument/diagnostic</c>.</summary>
/// <param name="TextDocument">The document to diagnose.</param>
public sealed record DocumentDiagnosticParams(TextDocumentIdentifier TextDocument);

/// <summary>The answer to <c>textDocument/diagnostic</c>: a full report (<c>kind</c> <c>full</c>) carries the items.</summary>
/// <param name="Kind"><c>full</c> or <c>unchanged</c>.</param>
/// <param name="Items">The document's diagnostics in a full report; null in an unchanged one.</param>
public sealed record DocumentDiagnosticReport(string Kind, IReadOnlyList<LspDiagnostic>? Items);

/// <summary>The parameters of the notification <c>textDocument/publishDiagnostics</c> (diagnostics pushed by the server).</summary>
/// <param name="Uri">The document they belong to.</param>
/// <param name="Diagnostics">Every diagnostic of the document now (replaces what was published before).</param>
public sealed record PublishDiagnosticsParams(string Uri, IReadOnlyList<LspDiagnostic> Diagnostics);
