using System.Collections.Generic;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CancelGen.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace CancelGen.Analyzers.CodeFixes;

/// <summary>
/// Fixes CG0003 by handing the escaping work to the run: <c>X()</c> becomes <c>run.Track(X())</c> (a dropped call
/// statement becomes <c>_ = run.Track(X());</c>; a <c>ValueTask</c> goes through <c>.AsTask()</c>), using the
/// <c>[StreamingRun]</c> method's <c>RunContext</c> parameter, which is added (<c>RunContext run</c>, before the
/// <c>CancellationToken</c> parameter) when the method has none.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(BackgroundWorkEscapesCodeFixProvider))]
[Shared]
public sealed class BackgroundWorkEscapesCodeFixProvider : RunRuleCodeFixProvider
{
    /// <summary>The equivalence key of the code action that wraps the work in <c>run.Track(...)</c>.</summary>
    public const string EquivalenceKey = "CG0003.Track";

    /// <summary>
    /// The equivalence key of the code action that turns <c>Task.Run(async () =&gt; ...)</c> into
    /// <c>run.Run(async ct =&gt; ...)</c> (under Fix All, other escapes are tracked).
    /// </summary>
    public const string RunEquivalenceKey = "CG0003.Run";

    /// <summary>Creates the fix.</summary>
    public BackgroundWorkEscapesCodeFixProvider()
        : base(RuleIds.BackgroundWorkEscapes)
    {
    }

    /// <inheritdoc/>
    private protected override IEnumerable<(string Title, string EquivalenceKey)> Actions(
        FixDocument document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (!diagnostic.Properties.ContainsKey(BackgroundWorkEscapesAnalyzer.FixProperty))
        {
            yield break;
        }

        yield return ("Track it with RunContext.Track(...)", EquivalenceKey);
        if (diagnostic.Properties.ContainsKey(BackgroundWorkEscapesAnalyzer.RunLambdaProperty))
        {
            yield return ("Start it with RunContext.Run(ct => ...)", RunEquivalenceKey);
        }
    }

    /// <inheritdoc/>
    private protected override void Fix(FixBatch batch, Diagnostic diagnostic)
    {
        if (!diagnostic.Properties.TryGetValue(BackgroundWorkEscapesAnalyzer.FixProperty, out var fix)
            || batch.Document.NodeAt<ExpressionSyntax>(diagnostic) is not { } work
            || work.FirstAncestorOrSelf<BaseMethodDeclarationSyntax>() is not { } declaration)
        {
            return;
        }

        // One RunContext name per method; a parameter is added at most once per method.
        if (!batch.ScopeNames.TryGetValue(declaration, out var runName))
        {
            runName = RunContextParameterName(declaration, batch.Model, batch.Symbols, batch.CancellationToken);
            if (runName is null)
            {
                runName = FreeName(declaration);
                AddRunContextParameter(batch.Editor, declaration, runName, batch.Model, batch.Symbols, batch.CancellationToken);
            }

            batch.ScopeNames.Add(declaration, runName);
        }

        var asTask = fix == BackgroundWorkEscapesAnalyzer.FixTrackAsTask;
        var isStatement = work.Parent is ExpressionStatementSyntax;
        if (batch.EquivalenceKey == RunEquivalenceKey
            && diagnostic.Properties.ContainsKey(BackgroundWorkEscapesAnalyzer.RunLambdaProperty)
            && work is InvocationExpressionSyntax { ArgumentList.Arguments: [{ Expression: ParenthesizedLambdaExpressionSyntax lambda }, ..] })
        {
            var tokenName = FreeTokenName(lambda, batch.Model);
            batch.Editor.ReplaceNode(work, (current, _) => StartWithRun((InvocationExpressionSyntax)current, runName, tokenName, isStatement) ?? current);
            return;
        }

        batch.Editor.ReplaceNode(work, (current, _) => Wrap((ExpressionSyntax)current, runName, asTask, isStatement));
    }

    private static ExpressionSyntax Wrap(ExpressionSyntax work, string runName, bool asTask, bool isStatement)
    {
        var inner = work.WithoutTrivia();
        if (asTask)
        {
            inner = SyntaxFactory.InvocationExpression(
                SyntaxFactory.MemberAccessExpression(
                    SyntaxKind.SimpleMemberAccessExpression, Parenthesize(inner), SyntaxFactory.IdentifierName("AsTask")));
        }

        ExpressionSyntax tracked = SyntaxFactory.InvocationExpression(
            SyntaxFactory.MemberAccessExpression(
                SyntaxKind.SimpleMemberAccessExpression,
                SyntaxFactory.IdentifierName(runName),
                SyntaxFactory.IdentifierName("Track")),
            SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(inner))));
        if (isStatement)
        {
            tracked = SyntaxFactory.AssignmentExpression(SyntaxKind.SimpleAssignmentExpression, Discard(), tracked);
        }

        return tracked.WithTriviaFrom(work);
    }

    /// <summary><c>Task.Run(async () =&gt; body[, token])</c> becomes <c>run.Run(async ct =&gt; body)</c>.</summary>
    private static ExpressionSyntax? StartWithRun(InvocationExpressionSyntax taskRun, string runName, string tokenName, bool isStatement)
    {
        if (taskRun.ArgumentList.Arguments.FirstOrDefault()?.Expression is not ParenthesizedLambdaExpressionSyntax lambda
            || ((CSharpSyntaxNode?)lambda.Block ?? lambda.ExpressionBody) is not { } body)
        {
            return null;
        }

        var work = SyntaxFactory.SimpleLambdaExpression(SyntaxFactory.Parameter(SyntaxFactory.Identifier(tokenName)), body)
            .WithModifiers(lambda.Modifiers)
            .WithArrowToken(lambda.ArrowToken);
        ExpressionSyntax started = SyntaxFactory.InvocationExpression(
            SyntaxFactory.MemberAccessExpression(
                SyntaxKind.SimpleMemberAccessExpression,
                SyntaxFactory.IdentifierName(runName),
                SyntaxFactory.IdentifierName("Run")),
            SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(work))));
        if (isStatement)
        {
            started = SyntaxFactory.AssignmentExpression(SyntaxKind.SimpleAssignmentExpression, Discard(), started);
        }

        return started.WithTriviaFrom(taskRun);
    }

    /// <summary>
    /// <c>_</c> as the parser makes it: an identifier whose contextual kind is the underscore, which the binder reads as
    /// a discard. <c>SyntaxFactory.IdentifierName("_")</c> is a plain identifier named <c>_</c> (CS0103 in the fixed
    /// tree until the text is parsed again).
    /// </summary>
    private static IdentifierNameSyntax Discard() =>
        SyntaxFactory.IdentifierName(SyntaxFactory.Identifier(default, SyntaxKind.UnderscoreToken, "_", "_", default));

    /// <summary>A name for the token parameter of the new <c>run.Run(ct =&gt; ...)</c> lambda.</summary>
    private static string FreeTokenName(ParenthesizedLambdaExpressionSyntax lambda, SemanticModel model) =>
        FreeNames.Pick(["ct", "token", "cancellation"], [lambda], new HashSet<string>(), model, lambda.Body.SpanStart);

    private static ExpressionSyntax Parenthesize(ExpressionSyntax expression) =>
        expression is IdentifierNameSyntax or MemberAccessExpressionSyntax or InvocationExpressionSyntax
            or ElementAccessExpressionSyntax or ParenthesizedExpressionSyntax
            ? expression
            : SyntaxFactory.ParenthesizedExpression(expression);

    private static string? RunContextParameterName(
        BaseMethodDeclarationSyntax declaration, SemanticModel model, RunSymbols symbols, CancellationToken cancellationToken)
    {
        if (model.GetDeclaredSymbol(declaration, cancellationToken) is not IMethodSymbol method)
        {
            return null;
        }

        foreach (var parameter in method.Parameters)
        {
            if (symbols.IsRunContext(parameter.Type))
            {
                return parameter.Name;
            }
        }

        return null;
    }

    /// <summary>A name for the <c>RunContext</c> parameter the fix adds: free among the method's parameters and everything in its body.</summary>
    private static string FreeName(BaseMethodDeclarationSyntax declaration) =>
        FreeNames.Pick(["run", "runContext", "context"], [declaration], new HashSet<string>());

    private static void AddRunContextParameter(
        SyntaxEditor editor,
        BaseMethodDeclarationSyntax declaration,
        string name,
        SemanticModel model,
        RunSymbols symbols,
        CancellationToken cancellationToken)
    {
        var parameters = declaration.ParameterList.Parameters;

        // Before the CancellationToken parameter; else before the first optional/params parameter; else last.
        var index = parameters.Count;
        for (var i = 0; i < parameters.Count; i++)
        {
            var parameter = parameters[i];
            var symbol = model.GetDeclaredSymbol(parameter, cancellationToken);
            if (symbol is not null && symbols.IsCancellationToken(symbol.Type))
            {
                index = i;
                break;
            }

            if (index == parameters.Count && (parameter.Default is not null || parameter.Modifiers.Any(SyntaxKind.ParamsKeyword)))
            {
                index = i;
            }
        }

        var type = SyntaxFactory.ParseTypeName("global::CancelGen.RunContext").WithAdditionalAnnotations(Simplifier.Annotation);
        var added = SyntaxFactory.Parameter(SyntaxFactory.Identifier(name)).WithType(type);
        editor.ReplaceNode(
            declaration.ParameterList,
            (current, _) =>
            {
                var list = (ParameterListSyntax)current;
                return list.WithParameters(list.Parameters.Insert(index, added)).WithAdditionalAnnotations(Formatter.Annotation);
            });
    }
}
