using System.Diagnostics;
using CancelGen.EndToEnd.Tests.Editor.Protocol;
using CancelGen.EndToEnd.Tests.Support;
using StreamJsonRpc;

namespace CancelGen.EndToEnd.Tests.Editor.LeakyAgent;

/// <summary>
/// <c>samples/LeakyAgent</c>, consuming CancelGen from the packed package, open in the csharp-ls language server
/// with analyzers turned on: every source file opened, and its diagnostics read once the server shows every
/// marked rule (or <see cref="DiagnosticsTimeout"/> passed). Shared by the tests of <see cref="LeakyAgentEditorTests"/>.
/// </summary>
public sealed class LeakyAgentInEditor : IAsyncLifetime
{
    /// <summary>How long the consumer's <c>dotnet restore</c> may take.</summary>
    public static readonly TimeSpan RestoreTimeout = TimeSpan.FromMinutes(3);

    /// <summary>How long the server may take to answer <c>initialize</c>.</summary>
    public static readonly TimeSpan InitializeTimeout = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How long the server may take to load the project and show every marked diagnostic (it loads the project
    /// with MSBuild, then runs the compiler, the generator and the analyzers, on a busy two-core machine).
    /// </summary>
    public static readonly TimeSpan DiagnosticsTimeout = TimeSpan.FromSeconds(180);

    /// <summary>How long to wait for a sign of new diagnostics before asking again.</summary>
    public static readonly TimeSpan RepollInterval = TimeSpan.FromSeconds(1);

    private readonly PackedPackages _packages;
    private readonly List<string> _timings = [];
    private LanguageClient? _client;
    private ConsumerProject? _consumer;

    /// <summary>Uses the packages packed once for the collection.</summary>
    /// <param name="packages">The packed packages and the consumer factory.</param>
    public LeakyAgentInEditor(PackedPackages packages) => _packages = packages;

    /// <summary>The consumer copy of LeakyAgent the server has open.</summary>
    public ConsumerProject Consumer => _consumer ?? throw new InvalidOperationException("The consumer has not been created.");

    /// <summary>The project's C# files, each opened in the server.</summary>
    public IReadOnlyList<SourceFile> Sources { get; private set; } = [];

    /// <summary>The rule diagnostics the sources mark (<c>// CG000x</c>).</summary>
    public IReadOnlyList<MarkedLine> Marked { get; private set; } = [];

    /// <summary>The diagnostics the server showed for each opened file (by URI) when the wait ended.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<LspDiagnostic>> Diagnostics { get; private set; } =
        new Dictionary<string, IReadOnlyList<LspDiagnostic>>();

    /// <summary>
    /// How many times the diagnostics of every file were read before every marked rule showed (csharp-ls answers
    /// the first pull once the project is loaded, so 1 is usual).
    /// </summary>
    public int DiagnosticsRounds { get; private set; }

    /// <summary>The open session, for further requests such as hovers.</summary>
    public LanguageClient Client => _client ?? throw new InvalidOperationException("The editor session has not started.");

    /// <summary>How long each step took, for the test output.</summary>
    public IReadOnlyList<string> Timings => _timings;

    /// <summary>The server's state, standard error and wire log, for failure messages.</summary>
    public string Describe() => _client?.Server.Describe() ?? "(the language server was not started)";

    /// <summary>Restores the tool and the consumer, starts the server, opens every file and waits for the diagnostics.</summary>
    public async Task InitializeAsync()
    {
        await TimeAsync("dotnet tool restore", () => CSharpLanguageServerTool.RestoreAsync(_packages.RepositoryRoot));

        _consumer = _packages.CreateConsumer(_packages.RepositoryPath("samples/LeakyAgent"));
        await TimeAsync("consumer dotnet restore", async () =>
            (await Consumer.RunDotnetAsync(RestoreTimeout, "restore")).EnsureSuccess());

        Sources = SourceFile.FindAll(Consumer.Directory);
        Marked = MarkedLine.Find(Consumer.Directory);

        var server = CSharpLanguageServerTool.Start(_packages.RepositoryRoot, Consumer.PathOf("csharp-ls.rpc.log"));
        _client = LanguageClient.Connect(server, new ServerCallbacks(new CSharpSettings(AnalyzersEnabled: true)));
        await TimeAsync("initialize", () => _client.InitializeAsync(Consumer.Directory, InitializeTimeout));
        foreach (var source in Sources)
        {
            await _client.OpenAsync(source.Path);
        }

        await TimeAsync("diagnostics of every marked line", WaitForMarkedDiagnosticsAsync);
        _timings.Add($"diagnostics read {DiagnosticsRounds} time(s)");
    }

    /// <summary>Shuts the server down (bounded) and stops its process.</summary>
    public async Task DisposeAsync()
    {
        if (_client is not null)
        {
            await _client.DisposeAsync();
        }
    }

    /// <summary>The CancelGen diagnostics shown (IDs starting with <c>CG</c>), as file name, one-based line and ID.</summary>
    public IReadOnlyList<MarkedLine> ShownRuleDiagnostics() =>
        Sources.SelectMany(source => DiagnosticsOf(source)
                .Where(diagnostic => diagnostic.Id.StartsWith("CG", StringComparison.Ordinal))
                .Select(diagnostic => new MarkedLine(Path.GetFileName(source.Path), diagnostic.Range.Start.Line + 1, diagnostic.Id)))
            .ToArray();

    /// <summary>The diagnostics shown for one file.</summary>
    /// <param name="source">An opened file.</param>
    public IReadOnlyList<LspDiagnostic> DiagnosticsOf(SourceFile source) =>
        Diagnostics.TryGetValue(source.Uri, out var diagnostics) ? diagnostics : [];

    /// <summary>Every diagnostic shown, one per line with its file, for failure messages.</summary>
    public string ListDiagnostics() =>
        string.Join(Environment.NewLine, Sources.SelectMany(source => DiagnosticsOf(source).Select(d => $"{source.RelativePath}: {d}")));

    private async Task WaitForMarkedDiagnosticsAsync()
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var changed = Client.Callbacks.DiagnosticsMayHaveChanged;
            var remaining = DiagnosticsTimeout - deadline.Elapsed;
            var diagnostics = new Dictionary<string, IReadOnlyList<LspDiagnostic>>(StringComparer.Ordinal);
            foreach (var source in Sources)
            {
                diagnostics[source.Uri] = await Client.DiagnosticsAsync(source.Uri, remaining > TimeSpan.Zero ? remaining : RepollInterval);
            }

            Diagnostics = diagnostics;
            DiagnosticsRounds++;
            var shown = ShownRuleDiagnostics();
            if (Marked.All(shown.Contains) || deadline.Elapsed >= DiagnosticsTimeout)
            {
                return;
            }

            // Ask again when the server signals a change (a refresh request, a finished load, pushed diagnostics),
            // or after a short interval at the latest: a server owes no signal for analyzer results that come late.
            // The tests report what is missing when the wait ends without it.
            await Task.WhenAny(changed, Task.Delay(RepollInterval));
        }
    }

    private async Task TimeAsync(string step, Func<Task> action)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            await action();
        }
        catch (Exception e) when (_client is not null && e is TimeoutException or ConnectionLostException or RemoteInvocationException)
        {
            throw new EditorSessionFailedException(step, _client.Server.Describe(), e);
        }

        _timings.Add($"{step}: {watch.Elapsed.TotalSeconds:F1} s");
    }
}
