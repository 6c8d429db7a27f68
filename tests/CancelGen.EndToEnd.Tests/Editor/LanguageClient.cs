using System.Text.Json;
using System.Text.Json.Serialization;
using CancelGen.EndToEnd.Tests.Editor.Protocol;
using StreamJsonRpc;

namespace CancelGen.EndToEnd.Tests.Editor;

/// <summary>
/// A minimal LSP client, as an editor would drive a language server: JSON-RPC 2.0 with <c>Content-Length</c>
/// framing over the server's standard input and output (StreamJsonRpc with System.Text.Json). The server's own
/// requests and notifications are answered by <see cref="Callbacks"/>. Every request is bounded by a timeout.
/// </summary>
public sealed class LanguageClient : IAsyncDisposable
{
    /// <summary>How long <c>shutdown</c> may take when the client is disposed.</summary>
    public static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(10);

    private readonly LanguageServerProcess _server;
    private readonly JsonRpc _rpc;

    private LanguageClient(LanguageServerProcess server, JsonRpc rpc, ServerCallbacks callbacks)
    {
        _server = server;
        _rpc = rpc;
        Callbacks = callbacks;
    }

    /// <summary>The client's side of the conversation the server starts: settings, registrations, pushed diagnostics.</summary>
    public ServerCallbacks Callbacks { get; }

    /// <summary>The server process, for failure messages (<see cref="LanguageServerProcess.Describe"/>).</summary>
    public LanguageServerProcess Server => _server;

    /// <summary>Connects to a started server; it is disposed with the client.</summary>
    /// <param name="server">The running server.</param>
    /// <param name="callbacks">What the client answers to the server's requests.</param>
    public static LanguageClient Connect(LanguageServerProcess server, ServerCallbacks callbacks)
    {
        ArgumentNullException.ThrowIfNull(server);
        var formatter = new SystemTextJsonFormatter
        {
            JsonSerializerOptions = new JsonSerializerOptions(JsonSerializerDefaults.Web)
            {
                DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            },
        };
        var rpc = new JsonRpc(new HeaderDelimitedMessageHandler(server.Input, server.Output, formatter));
        rpc.AddLocalRpcTarget(callbacks, new JsonRpcTargetOptions { UseSingleObjectParameterDeserialization = true });
        rpc.StartListening();
        return new LanguageClient(server, rpc, callbacks);
    }

    /// <summary>
    /// <c>initialize</c> with one workspace folder, then <c>initialized</c>: the server starts loading the folder's
    /// solution or projects.
    /// </summary>
    /// <param name="workspaceFolder">The absolute path of the folder to open.</param>
    /// <param name="timeout">How long the server may take to answer.</param>
    /// <returns>The server's <c>InitializeResult</c> (its capabilities).</returns>
    public async Task<JsonElement> InitializeAsync(string workspaceFolder, TimeSpan timeout)
    {
        var folderUri = DocumentUri.FromPath(workspaceFolder);
        var result = await RequestAsync<JsonElement>(
            "initialize",
            new
            {
                processId = Environment.ProcessId,
                clientInfo = new { name = "CancelGen.EndToEnd.Tests", version = "1.0" },
                rootUri = folderUri,
                workspaceFolders = new[] { new { uri = folderUri, name = Path.GetFileName(workspaceFolder) } },
                capabilities = ClientCapabilities.Editor,
            },
            timeout);
        await _rpc.NotifyWithParameterObjectAsync("initialized", new { });
        return result;
    }

    /// <summary><c>textDocument/didOpen</c>: the editor opens a C# file with its text as on disk.</summary>
    /// <param name="path">The file's absolute path.</param>
    /// <returns>The URI the document is known by.</returns>
    public async Task<string> OpenAsync(string path)
    {
        var uri = DocumentUri.FromPath(path);
        var text = await File.ReadAllTextAsync(path);
        await _rpc.NotifyWithParameterObjectAsync(
            "textDocument/didOpen",
            new DidOpenTextDocumentParams(new TextDocumentItem(uri, "csharp", 1, text)));
        return uri;
    }

    /// <summary>
    /// The document's diagnostics now: pulled with <c>textDocument/diagnostic</c> when the server registered it,
    /// otherwise the ones it last pushed.
    /// </summary>
    /// <param name="uri">The document's URI.</param>
    /// <param name="timeout">How long a pull may take (csharp-ls answers the first one once the workspace is loaded).</param>
    public async Task<IReadOnlyList<LspDiagnostic>> DiagnosticsAsync(string uri, TimeSpan timeout)
    {
        if (!Callbacks.PullDiagnosticsRegistered)
        {
            return Callbacks.PublishedDiagnostics(uri);
        }

        var report = await RequestAsync<DocumentDiagnosticReport>(
            "textDocument/diagnostic",
            new DocumentDiagnosticParams(new TextDocumentIdentifier(uri)),
            timeout);
        return report.Items ?? throw new InvalidOperationException(
            $"textDocument/diagnostic answered '{report.Kind}' without items for {uri}, though no previous result was given.");
    }

    /// <summary><c>textDocument/hover</c> at a position.</summary>
    /// <param name="uri">The document's URI.</param>
    /// <param name="position">The position hovered over.</param>
    /// <param name="timeout">How long the server may take to answer.</param>
    /// <returns>The hover, or null when the server shows none there.</returns>
    public Task<HoverResult?> HoverAsync(string uri, LspPosition position, TimeSpan timeout) =>
        RequestAsync<HoverResult?>("textDocument/hover", new HoverParams(new TextDocumentIdentifier(uri), position), timeout);

    /// <summary>Ends the session as an editor does (<c>shutdown</c>, then <c>exit</c>), then stops the server process.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_server.HasExited)
            {
                await RequestAsync<JsonElement?>("shutdown", null, ShutdownTimeout);
                await _rpc.NotifyAsync("exit");
            }
        }
        catch (Exception e) when (e is TimeoutException or ConnectionLostException or ObjectDisposedException or RemoteInvocationException)
        {
            // A server that does not shut down cleanly is killed below; the test's own result is what matters here.
        }
        finally
        {
            _rpc.Dispose();
            await _server.DisposeAsync();
        }
    }

    private async Task<T> RequestAsync<T>(string method, object? parameters, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            return await _rpc.InvokeWithParameterObjectAsync<T>(method, parameters, deadline.Token);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            throw new TimeoutException($"The language server did not answer '{method}' within {timeout}.");
        }
    }
}
