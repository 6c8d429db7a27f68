namespace CancelGen.EndToEnd.Tests.Editor;

/// <summary>The capabilities the test client announces in <c>initialize</c>.</summary>
public static class ClientCapabilities
{
    /// <summary>
    /// An editor's: it answers <c>workspace/configuration</c>, accepts dynamic registration of pull diagnostics,
    /// shows pushed diagnostics and progress, and renders hovers as markdown.
    /// </summary>
    public static object Editor { get; } = new
    {
        workspace = new
        {
            configuration = true,
            workspaceFolders = true,
            diagnostics = new { refreshSupport = true },
        },
        window = new { workDoneProgress = true },
        textDocument = new
        {
            synchronization = new { dynamicRegistration = false },
            publishDiagnostics = new { relatedInformation = false },
            diagnostic = new { dynamicRegistration = true, relatedDocumentSupport = false },
            hover = new { dynamicRegistration = false, contentFormat = new[] { "markdown", "plaintext" } },
        },
    };
}
