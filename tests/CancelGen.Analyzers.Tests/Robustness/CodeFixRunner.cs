using System.Collections.Immutable;
using CancelGen.Analyzers.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace CancelGen.Analyzers.Tests.Robustness;

/// <summary>
/// Offers every diagnostic to every code fix that can fix it, as the IDE's light bulb does, and computes every
/// action (nested ones too) and the document-scope Fix All of each equivalence key, recording what throws.
/// </summary>
internal static class CodeFixRunner
{
    /// <summary>
    /// Runs the fixes for the rule diagnostics of <paramref name="outcome"/>, and Fix All too when <paramref name="fixAll"/>;
    /// returns a line per failure. With <paramref name="verify"/>, every changed solution an action or Fix All
    /// produces is handed to it, and what it returns (a problem, or null) is a failure too.
    /// </summary>
    public static async Task<ImmutableArray<string>> RunAsync(AnalysisOutcome outcome, bool fixAll, Func<Solution, Task<string?>>? verify = null)
    {
        var failures = ImmutableArray.CreateBuilder<string>();
        var project = outcome.Project;
        var diagnostics = outcome.RuleDiagnostics.Where(static d => d.Location.IsInSource).ToImmutableArray();
        foreach (var provider in AnalyzerCatalog.CreateCodeFixes())
        {
            var fixable = diagnostics.Where(d => provider.FixableDiagnosticIds.Contains(d.Id)).ToImmutableArray();
            var fixAllKeys = new Dictionary<string, (Document Document, Diagnostic Diagnostic)>(StringComparer.Ordinal);
            foreach (var diagnostic in fixable)
            {
                var document = project.GetDocument(diagnostic.Location.SourceTree)!;
                var actions = new List<CodeAction>();
                await Attempt(failures, provider, diagnostic, "RegisterCodeFixesAsync", () =>
                    provider.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None)));

                foreach (var action in Flatten(actions))
                {
                    await Attempt(failures, provider, diagnostic, $"action '{action.Title}'", () => ApplyAsync(action, document, verify));
                }

                foreach (var action in actions)
                {
                    fixAllKeys.TryAdd(action.EquivalenceKey ?? "", (document, diagnostic));
                }
            }

            foreach (var (key, (document, diagnostic)) in fixAll ? fixAllKeys : [])
            {
                await Attempt(failures, provider, diagnostic, $"Fix All '{key}'", () => FixAllAsync(provider, document, key.Length == 0 ? null : key, fixable, verify));
            }
        }

        return failures.ToImmutable();
    }

    private static Task Attempt(ImmutableArray<string>.Builder failures, CodeFixProvider provider, Diagnostic diagnostic, string what, Func<Task> attempt) =>
        Attempt(failures, provider, diagnostic, what, async () =>
        {
            await attempt();
            return null;
        });

    private static async Task Attempt(ImmutableArray<string>.Builder failures, CodeFixProvider provider, Diagnostic diagnostic, string what, Func<Task<string?>> attempt)
    {
        try
        {
            if (await attempt() is { } problem)
            {
                failures.Add($"{provider.GetType().Name} {what} on {diagnostic}: {problem}");
            }
        }
#pragma warning disable CA1031 // Every exception is a finding to report, with the others.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            failures.Add($"{provider.GetType().Name} {what} on {diagnostic} threw {exception}");
        }
    }

    private static IEnumerable<CodeAction> Flatten(IEnumerable<CodeAction> actions) =>
        actions.SelectMany(static action => action.NestedActions.IsDefaultOrEmpty ? [action] : Flatten(action.NestedActions));

    private static async Task<string?> ApplyAsync(CodeAction action, Document document, Func<Solution, Task<string?>>? verify)
    {
        foreach (var operation in await action.GetOperationsAsync(CancellationToken.None))
        {
            if (operation is ApplyChangesOperation apply)
            {
                var changed = apply.ChangedSolution.GetDocument(document.Id);
                if (changed is not null)
                {
                    _ = await changed.GetSyntaxRootAsync();
                }

                if (verify is not null && await verify(apply.ChangedSolution) is { } problem)
                {
                    return problem;
                }
            }
        }

        return null;
    }

    private static async Task<string?> FixAllAsync(
        CodeFixProvider provider, Document document, string? equivalenceKey, ImmutableArray<Diagnostic> diagnostics, Func<Solution, Task<string?>>? verify)
    {
        var fixAll = provider.GetFixAllProvider();
        if (fixAll is null || !fixAll.GetSupportedFixAllScopes().Contains(FixAllScope.Document))
        {
            return null;
        }

        var context = new FixAllContext(
            document,
            provider,
            FixAllScope.Document,
            equivalenceKey,
            provider.FixableDiagnosticIds,
            new FixedDiagnostics(diagnostics),
            CancellationToken.None);
        var action = await fixAll.GetFixAsync(context);
        return action is null ? null : await ApplyAsync(action, document, verify);
    }

    /// <summary>Hands Fix All the diagnostics already computed.</summary>
    private sealed class FixedDiagnostics(ImmutableArray<Diagnostic> diagnostics) : FixAllContext.DiagnosticProvider
    {
        public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) =>
            Task.FromResult(diagnostics.Where(d => d.Location.SourceTree?.FilePath == document.FilePath));

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult(Enumerable.Empty<Diagnostic>());

        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);
    }
}
