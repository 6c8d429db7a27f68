using CancelGen.EndToEnd.Tests.Editor.Protocol;
using CancelGen.EndToEnd.Tests.Support;
using Xunit.Abstractions;

namespace CancelGen.EndToEnd.Tests.Editor.LeakyAgent;

/// <summary>
/// Editor smoke test: what a user sees when <c>samples/LeakyAgent</c>, consuming the CancelGen package, is open in a
/// real C# language server (csharp-ls) with analyzers on. Code fixes are not covered here: csharp-ls offers only
/// Roslyn's own, so CancelGen's fixes stay proven by the Roslyn testing library in the analyzer tests.
/// </summary>
[Collection(PackedPackages.CollectionName)]
public sealed class LeakyAgentEditorTests : IClassFixture<LeakyAgentInEditor>
{
    /// <summary>Text of the documentation the generator writes on every wrapper (its <c>&lt;returns&gt;</c>).</summary>
    private const string GeneratedReturnsDoc = "The handle of the started run";

    private static readonly TimeSpan HoverTimeout = TimeSpan.FromSeconds(30);
    private static readonly string[] Rules = ["CG0001", "CG0002", "CG0003", "CG0004"];

    private readonly LeakyAgentInEditor _editor;

    /// <summary>Takes the shared editor session and writes how long opening it took to the test output.</summary>
    /// <param name="editor">LeakyAgent open in csharp-ls.</param>
    /// <param name="output">Receives how long each step of opening the editor took.</param>
    public LeakyAgentEditorTests(LeakyAgentInEditor editor, ITestOutputHelper output)
    {
        ArgumentNullException.ThrowIfNull(output);
        _editor = editor;
        foreach (var timing in editor.Timings)
        {
            output.WriteLine(timing);
        }
    }

    [Fact]
    public void Each_rule_is_shown_at_the_line_marked_for_it_and_nowhere_else()
    {
        Assert.True(
            _editor.Client.Callbacks.ConfigurationRequests > 0,
            $"The server never asked for its settings (workspace/configuration), so its analyzers were never turned on.{Environment.NewLine}{_editor.Describe()}");
        var marked = _editor.Marked;
        Assert.Equal(Rules, marked.Select(m => m.Id).Order(StringComparer.Ordinal));

        var shown = _editor.ShownRuleDiagnostics();
        var missing = marked.Except(shown).ToArray();
        var unexpected = shown.Except(marked).ToArray();
        Assert.True(
            missing.Length == 0 && unexpected.Length == 0,
            $"""
            Marked but not shown: {string.Join(", ", missing)}
            Shown but not marked: {string.Join(", ", unexpected)}
            Every diagnostic shown:
            {_editor.ListDiagnostics()}
            {_editor.Describe()}
            """);
    }

    [Fact]
    public void The_generated_wrapper_resolves_so_no_error_is_shown()
    {
        Assert.NotNull(WrapperCall.FindFirst(_editor.Sources));
        var errors = _editor.Sources
            .SelectMany(source => _editor.DiagnosticsOf(source)
                .Where(d => d.Severity == LspDiagnostic.ErrorSeverity || d.Id == "CS1061" || AnalyzerLoadFailures.Ids.Contains(d.Id))
                .Select(d => $"{source.RelativePath}: {d}"))
            .ToArray();
        Assert.True(errors.Length == 0, $"""
            Errors or analyzer load failures shown (CS1061 means the generated wrapper was not there):
            {string.Join(Environment.NewLine, errors)}
            {_editor.Describe()}
            """);
    }

    [Fact]
    public async Task Hover_over_a_generated_wrapper_call_shows_the_generated_docs()
    {
        var call = WrapperCall.FindFirst(_editor.Sources);
        Assert.NotNull(call);

        var hover = await _editor.Client.HoverAsync(call.File.Uri, call.Position, HoverTimeout);

        var text = hover?.Text ?? string.Empty;
        Assert.True(
            text.Contains($".{call.Name}(", StringComparison.Ordinal)
                && text.Contains("RunResultStreaming<", StringComparison.Ordinal)
                && text.Contains(GeneratedReturnsDoc, StringComparison.Ordinal),
            $"""
            Hover at {call} shows:
            {(hover is null ? "(no hover)" : text)}
            {_editor.Describe()}
            """);
    }
}
