using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Linq;
using System.Threading;
using CancelGen.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CancelGen.Analyzers.CodeFixes;

/// <summary>
/// Fixes CG0004 by passing a token in scope: one code action per token (the enclosing lambda's, the method's
/// <c>CancellationToken</c> parameter, <c>run.CancellationToken</c>), each with its own equivalence key
/// (<see cref="EquivalenceKeyPrefix"/> + the token kind) so that Fix All applies the same choice everywhere.
/// The token is added as an argument (named when a positional one would land on the wrong parameter), replaces
/// <c>CancellationToken.None</c>/<c>default</c>, selects the overload that takes it, or, for <c>await foreach</c>,
/// goes in <c>.WithCancellation(token)</c>.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(TokenNotPassedCodeFixProvider))]
[Shared]
public sealed class TokenNotPassedCodeFixProvider : RunRuleCodeFixProvider
{
    /// <summary>The equivalence keys are this prefix followed by the token kind: <c>Lambda</c>, <c>Parameter</c> or <c>RunContext</c>.</summary>
    public const string EquivalenceKeyPrefix = "CG0004.";

    /// <summary>Creates the fix.</summary>
    public TokenNotPassedCodeFixProvider()
        : base(RuleIds.TokenNotPassed)
    {
    }

    /// <inheritdoc/>
    private protected override IEnumerable<(string Title, string EquivalenceKey)> Actions(
        FixDocument document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (!diagnostic.Properties.ContainsKey(TokenNotPassedAnalyzer.KindProperty))
        {
            yield break;
        }

        diagnostic.Properties.TryGetValue(TokenNotPassedAnalyzer.TokensProperty, out var tokens);
        foreach (var (kind, expression) in TokenNotPassedAnalyzer.ParseTokens(tokens))
        {
            yield return ($"Pass '{expression}'", EquivalenceKeyPrefix + kind);
        }
    }

    private static string? KindOf(string? equivalenceKey) =>
        equivalenceKey is not null && equivalenceKey.StartsWith(EquivalenceKeyPrefix, System.StringComparison.Ordinal)
            ? equivalenceKey.Substring(EquivalenceKeyPrefix.Length)
            : null;

    /// <inheritdoc/>
    private protected override void Fix(FixBatch batch, Diagnostic diagnostic)
    {
        var properties = diagnostic.Properties;
        properties.TryGetValue(TokenNotPassedAnalyzer.TokensProperty, out var tokenList);
        var token = ChooseToken(TokenNotPassedAnalyzer.ParseTokens(tokenList), KindOf(batch.EquivalenceKey));
        if (token is null
            || !properties.TryGetValue(TokenNotPassedAnalyzer.KindProperty, out var fixKind)
            || batch.Document.NodeAt<ExpressionSyntax>(diagnostic) is not { } node)
        {
            return;
        }

        if (fixKind == TokenNotPassedAnalyzer.KindWithCancellation)
        {
            batch.Editor.ReplaceNode(node, (current, _) => WithCancellation((ExpressionSyntax)current, token));
            return;
        }

        if (node is not InvocationExpressionSyntax
            || !properties.TryGetValue(TokenNotPassedAnalyzer.ArgumentIndexProperty, out var indexText)
            || !int.TryParse(indexText, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            || !properties.TryGetValue(TokenNotPassedAnalyzer.ParameterNameProperty, out var parameterName)
            || parameterName is null)
        {
            return;
        }

        var replace = fixKind == TokenNotPassedAnalyzer.KindReplaceArgument;
        batch.Editor.ReplaceNode(node, (current, _) =>
        {
            var invocation = (InvocationExpressionSyntax)current;
            var list = replace
                ? ReplaceArgument(invocation.ArgumentList, index, token)
                : AddArgument(invocation.ArgumentList, index, parameterName, token);
            return invocation.WithArgumentList(list);
        });
    }

    private static string? ChooseToken(ImmutableArray<(string Kind, string Expression)> tokens, string? kind)
    {
        if (tokens.IsDefaultOrEmpty)
        {
            return null;
        }

        foreach (var token in tokens)
        {
            if (token.Kind == kind)
            {
                return token.Expression;
            }
        }

        // Fix All with a kind this diagnostic does not have (e.g. inside run.Run(ct => ...), where only the
        // lambda's token is offered): the best token in scope.
        return tokens[0].Expression;
    }

    private static ExpressionSyntax Token(string expression) =>
        SyntaxFactory.ParseExpression(expression);

    private static InvocationExpressionSyntax WithCancellation(ExpressionSyntax collection, string token)
    {
        var receiver = collection.WithoutTrivia();
        if (receiver is not (IdentifierNameSyntax or MemberAccessExpressionSyntax or InvocationExpressionSyntax
            or ElementAccessExpressionSyntax or ParenthesizedExpressionSyntax or ThisExpressionSyntax))
        {
            receiver = SyntaxFactory.ParenthesizedExpression(receiver);
        }

        return SyntaxFactory.InvocationExpression(
                SyntaxFactory.MemberAccessExpression(
                    SyntaxKind.SimpleMemberAccessExpression, receiver, SyntaxFactory.IdentifierName("WithCancellation")),
                SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(Token(token)))))
            .WithTriviaFrom(collection);
    }

    private static ArgumentListSyntax ReplaceArgument(ArgumentListSyntax list, int index, string token)
    {
        if (index < 0 || index >= list.Arguments.Count)
        {
            return list;
        }

        var argument = list.Arguments[index];
        var replacement = argument.WithExpression(Token(token).WithTriviaFrom(argument.Expression));
        return list.WithArguments(list.Arguments.Replace(argument, replacement));
    }

    private static ArgumentListSyntax AddArgument(ArgumentListSyntax list, int index, string parameterName, string token)
    {
        var arguments = list.Arguments;
        var anyNamed = arguments.Any(a => a.NameColon is not null);
        if (!anyNamed && index <= arguments.Count && index >= 0)
        {
            // Positional: it lands exactly on the token parameter.
            return list.WithArguments(arguments.Insert(index, SyntaxFactory.Argument(Token(token))));
        }

        // Some optional parameters before it were left out, or the call already names arguments: name it.
        var named = SyntaxFactory.Argument(Token(token))
            .WithNameColon(SyntaxFactory.NameColon(SyntaxFactory.IdentifierName(parameterName)));
        return list.WithArguments(arguments.Add(named));
    }
}
