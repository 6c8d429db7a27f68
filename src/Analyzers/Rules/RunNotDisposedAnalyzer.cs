using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace CancelGen.Analyzers.Rules;

/// <summary>
/// CG0001: an <c>await foreach</c> over a run's <c>StreamEvents()</c> (directly or through <c>WithCancellation</c>,
/// <c>ConfigureAwait</c> and extension chains) whose run is not released on every path out of the loop. Leaving
/// the loop only detaches the consumer; the run goes on.
/// </summary>
/// <remarks>
/// Silent when the run local is declared <c>await using</c> (or is the resource of a <c>using</c> statement around
/// the loop); when a <c>finally</c> covering the loop releases it; when ownership leaves the method (returned,
/// stored elsewhere, passed on); when the handle comes from a field, property or parameter; and when every
/// control-flow path out of the loop releases it and a <c>catch</c> covering the loop releases it too (an exception
/// thrown by the loop body is a path out of the loop). A release in a lambda or local function counts only where
/// that function surely runs (<see cref="RunReleasePoints"/>); a release under a condition in a <c>finally</c> or
/// <c>catch</c> does not count (<see cref="RunHandlerReleases"/>). The run may be reached through any expression
/// that yields one (<see cref="RunValueFlow"/>), and a pattern (<c>is { } run</c>) declares a local like a
/// declaration does. A handle created in the loop header itself can never be released: that always fires.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RunNotDisposedAnalyzer : RunRuleAnalyzer
{
    /// <summary>The <c>.editorconfig</c> key that can stop exceptions from the loop body counting as paths out of the loop.</summary>
    internal const string ExceptionPathsOption = "dotnet_code_quality.CG0001.exception_paths";

    /// <summary>Creates the rule.</summary>
    public RunNotDisposedAnalyzer()
        : base(DiagnosticDescriptors.RunNotDisposed)
    {
    }

    /// <inheritdoc/>
    private protected override void OnCompilationStart(CompilationStartAnalysisContext start, RunSymbols symbols) =>
        start.RegisterOperationAction(context => AnalyzeLoop(context, symbols), OperationKind.Loop);

    private static void AnalyzeLoop(OperationAnalysisContext context, RunSymbols symbols)
    {
        if (context.Operation is not IForEachLoopOperation loop || !RunStreamLoop.TryCreate(loop, symbols, out var stream))
        {
            return;
        }

        if (stream.InlineCreation is { } creation)
        {
            Report(context, loop, StreamingRunOperations.CreatorName(creation) + "(...)");
            return;
        }

        foreach (var local in stream.Locals)
        {
            if (IsLeaked(context, loop, local, symbols))
            {
                Report(context, loop, local.Name);
                return;
            }
        }
    }

    private static bool IsLeaked(OperationAnalysisContext context, IForEachLoopOperation loop, ILocalSymbol local, RunSymbols symbols)
    {
        if (RunLocalUses.IsUsingDeclared(local) || IsInUsingStatementOver(loop, local))
        {
            return false;
        }

        var uses = RunLocalUses.Collect(loop, local, symbols);
        if (!uses.HoldsCreatedRun() || uses.Any(RunHandleUse.Escaped))
        {
            return false; // someone else's run, or handed on: not this method's to end
        }

        var declaringFunction = FunctionOf(uses.Declarator ?? loop);
        if (FunctionOf(loop) != declaringFunction)
        {
            // A lambda enumerates a captured run: paths are not followed across functions, any release counts.
            return !uses.Any(RunHandleUse.Released);
        }

        var releases = new List<IOperation>();
        RunReleasePoints? points = null;
        foreach (var (reference, use) in uses.References)
        {
            if (use == RunHandleUse.Released)
            {
                // In a lambda or local function, the release counts where that function surely runs (if anywhere).
                points ??= new RunReleasePoints(loop, declaringFunction);
                points.Collect(reference, releases);
            }
        }

        // A release under a condition in a finally or catch does not release the paths through that handler.
        releases.RemoveAll(release => !RunHandlerReleases.RunsWheneverItsHandlerRuns(release, local));
        if (releases.Count == 0)
        {
            return true;
        }

        if (IsCoveredByFinally(loop, releases))
        {
            return false;
        }

        // Without a finally, an exception from the loop body leaves the loop on a path only a catch can cover
        // (unless the project opted out of exception paths); every other path out must pass a release.
        if (CountsExceptionPaths(context, loop) && !IsCoveredByCatch(loop, releases))
        {
            return true;
        }

        var releaseSyntax = new HashSet<SyntaxNode>();
        foreach (var release in releases)
        {
            releaseSyntax.Add(release.Syntax);
        }

        return RunReleasePaths.EveryPathReleases(context.GetControlFlowGraph(), loop, releaseSyntax) == false;
    }

    /// <summary>
    /// Whether an exception thrown by the loop body counts as a path out of the loop (the default);
    /// <c>dotnet_code_quality.CG0001.exception_paths = false</c> in <c>.editorconfig</c> turns that off, as
    /// CA2000's <c>dispose_analysis_kind</c> does for disposables.
    /// </summary>
    private static bool CountsExceptionPaths(OperationAnalysisContext context, IOperation loop) =>
        !context.Options.AnalyzerConfigOptionsProvider.GetOptions(loop.Syntax.SyntaxTree).TryGetValue(ExceptionPathsOption, out var value)
        || !string.Equals(value?.Trim(), "false", System.StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether an <c>await using (run)</c> statement over the local encloses the loop.</summary>
    private static bool IsInUsingStatementOver(IOperation loop, ILocalSymbol local)
    {
        for (var current = loop.Parent; current is not null; current = current.Parent)
        {
            if (current is IUsingOperation { Resources: { } resources }
                && StreamingRunOperations.WithoutConversions(resources) is ILocalReferenceOperation reference
                && SymbolEqualityComparer.Default.Equals(reference.Local, local))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsCoveredByFinally(IOperation loop, List<IOperation> releases)
    {
        for (IOperation child = loop, current = loop.Parent!; current is not null; child = current, current = current.Parent!)
        {
            if (current is ITryOperation { Finally: { } @finally } @try && @try.Body == child && ContainsAny(@finally, releases))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsCoveredByCatch(IOperation loop, List<IOperation> releases)
    {
        for (IOperation child = loop, current = loop.Parent!; current is not null; child = current, current = current.Parent!)
        {
            if (current is not ITryOperation @try || @try.Body != child)
            {
                continue;
            }

            foreach (var @catch in @try.Catches)
            {
                if (@catch.Filter is null && CatchesEverything(@catch.ExceptionType) && ContainsAny(@catch.Handler, releases))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool CatchesEverything(ITypeSymbol type) =>
        type.SpecialType == SpecialType.System_Object
        || (type.Name == "Exception" && type.ContainingNamespace is { Name: "System", ContainingNamespace.IsGlobalNamespace: true });

    private static bool ContainsAny(IOperation region, List<IOperation> operations)
    {
        foreach (var operation in operations)
        {
            for (var current = operation.Parent; current is not null; current = current.Parent)
            {
                if (current == region)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static IOperation? FunctionOf(IOperation operation)
    {
        StreamingRunOperations.EnclosingFunction(operation, out var function);
        return function;
    }

    private static void Report(OperationAnalysisContext context, IForEachLoopOperation loop, string name)
    {
        var location = loop.Syntax is CommonForEachStatementSyntax statement ? statement.Expression.GetLocation() : loop.Collection.Syntax.GetLocation();
        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.RunNotDisposed, location, name));
    }
}
