using System.Collections.Concurrent;
using System.Text.Json;
using CancelGen.EndToEnd.Tests.Editor.Protocol;
using StreamJsonRpc;

namespace CancelGen.EndToEnd.Tests.Editor;

/// <summary>
/// What the client answers when the language server calls it: settings (<c>workspace/configuration</c>),
/// capability registrations, progress tokens, and the notifications it keeps (pushed diagnostics, log messages).
/// </summary>
/// <remarks>
/// Every answer is what an editor with C# analyzers switched on would give. Methods not listed here are answered
/// with JSON-RPC's "method not found", which LSP servers treat as a client that lacks the feature.
/// </remarks>
public sealed class ServerCallbacks
{
    private readonly ConcurrentDictionary<string, IReadOnlyList<LspDiagnostic>> _published = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _registeredMethods = new(StringComparer.Ordinal);
    private readonly ChangeSignal _diagnosticsMayHaveChanged = new();
    private int _configurationRequests;

    /// <summary>Creates the callbacks that give the server <paramref name="settings"/>.</summary>
    /// <param name="settings">The <c>csharp</c> settings section given to the server (see <see cref="CSharpSettings"/>).</param>
    public ServerCallbacks(CSharpSettings settings) => Settings = settings;

    /// <summary>The <c>csharp</c> settings section the server is given.</summary>
    public CSharpSettings Settings { get; }

    /// <summary>How many times the server asked for settings (it must ask before it loads the workspace).</summary>
    public int ConfigurationRequests => Volatile.Read(ref _configurationRequests);

    /// <summary>Whether the server registered the pull-diagnostics request <c>textDocument/diagnostic</c>.</summary>
    public bool PullDiagnosticsRegistered => _registeredMethods.ContainsKey("textDocument/diagnostic");

    /// <summary>Completes the next time the server pushes diagnostics, finishes some work, or asks for a diagnostics refresh.</summary>
    public Task DiagnosticsMayHaveChanged => _diagnosticsMayHaveChanged.Next;

    /// <summary>The diagnostics the server last pushed for a document, or an empty list when it pushed none.</summary>
    /// <param name="uri">The document's URI.</param>
    public IReadOnlyList<LspDiagnostic> PublishedDiagnostics(string uri) =>
        _published.TryGetValue(uri, out var diagnostics) ? diagnostics : [];

    /// <summary>Answers <c>workspace/configuration</c>: the <c>csharp</c> section, each of its settings by dotted name, null for the rest.</summary>
    /// <param name="request">The sections asked for.</param>
    [JsonRpcMethod("workspace/configuration", UseSingleObjectParameterDeserialization = true)]
    public object?[] Configuration(ConfigurationParams request)
    {
        ArgumentNullException.ThrowIfNull(request);
        Interlocked.Increment(ref _configurationRequests);
        return request.Items.Select(item => Settings.Section(item.Section)).ToArray();
    }

    /// <summary>Accepts <c>client/registerCapability</c> and remembers which methods were registered.</summary>
    /// <param name="request">The registrations.</param>
    [JsonRpcMethod("client/registerCapability", UseSingleObjectParameterDeserialization = true)]
    public void RegisterCapability(RegistrationParams request)
    {
        ArgumentNullException.ThrowIfNull(request);
        foreach (var registration in request.Registrations)
        {
            _registeredMethods[registration.Method] = 0;
        }
    }

    /// <summary>Accepts <c>client/unregisterCapability</c>; the client keeps no state that depends on it.</summary>
    /// <param name="request">The registrations withdrawn.</param>
    [JsonRpcMethod("client/unregisterCapability", UseSingleObjectParameterDeserialization = true)]
    public void UnregisterCapability(JsonElement request)
    {
        if (request.TryGetProperty("unregisterations", out var withdrawn))
        {
            foreach (var registration in withdrawn.EnumerateArray())
            {
                _registeredMethods.TryRemove(registration.GetProperty("method").GetString() ?? string.Empty, out _);
            }
        }
    }

    /// <summary>Accepts a progress token (<c>window/workDoneProgress/create</c>); progress reports arrive as <c>$/progress</c>.</summary>
    /// <param name="request">The token.</param>
    [JsonRpcMethod("window/workDoneProgress/create", UseSingleObjectParameterDeserialization = true)]
    public void CreateWorkDoneProgress(WorkDoneProgressCreateParams request) => ArgumentNullException.ThrowIfNull(request);

    /// <summary>Accepts <c>workspace/diagnostic/refresh</c>: the server asks the client to pull diagnostics again.</summary>
    [JsonRpcMethod("workspace/diagnostic/refresh")]
    public void RefreshDiagnostics() => _diagnosticsMayHaveChanged.Raise();

    /// <summary>A progress report (<c>$/progress</c>): a finished step, such as the workspace load, may bring new diagnostics.</summary>
    /// <param name="notification">The token and the report (begin, report or end).</param>
    [JsonRpcMethod("$/progress", UseSingleObjectParameterDeserialization = true)]
    public void Progress(JsonElement notification)
    {
        if (notification.TryGetProperty("value", out var value) && value.TryGetProperty("kind", out var kind) && kind.GetString() == "end")
        {
            _diagnosticsMayHaveChanged.Raise();
        }
    }

    /// <summary>Keeps the diagnostics the server pushes with <c>textDocument/publishDiagnostics</c>.</summary>
    /// <param name="notification">The document and its diagnostics now.</param>
    [JsonRpcMethod("textDocument/publishDiagnostics", UseSingleObjectParameterDeserialization = true)]
    public void PublishDiagnostics(PublishDiagnosticsParams notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        _published[notification.Uri] = notification.Diagnostics;
        _diagnosticsMayHaveChanged.Raise();
    }
}
