using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace CancelGen.Analyzers.Rules;

/// <summary>
/// CG0004: inside a <c>[StreamingRun]</c> method, a call that can take a <c>CancellationToken</c> (an optional
/// parameter, or an overload with one more <c>CancellationToken</c> parameter) is made without one, or with
/// <c>CancellationToken.None</c>/<c>default</c>; or an <c>await foreach</c> enumerates an async sequence that was never
/// given a token. The expected token is the innermost one in scope: the <c>CancellationToken</c> parameter of the
/// enclosing lambda/local function (e.g. the <c>ct</c> of <c>run.Run(ct =&gt; ...)</c>), else the method's own
/// <c>CancellationToken</c> parameter or its <c>RunContext</c>'s <c>CancellationToken</c>.
/// </summary>
[DiagnosticAnalyzer(Microsoft.CodeAnalysis.LanguageNames.CSharp)]
public sealed class TokenNotPassedAnalyzer : RunRuleAnalyzer
{
    /// <summary>Diagnostic property: what the fix does (one of the <c>Kind*</c> values); absent when no automatic fix is safe.</summary>
    internal const string KindProperty = "CG0004.Kind";

    /// <summary>Diagnostic property: the tokens in scope, best first, as <c>kind=expression</c> lines.</summary>
    internal const string TokensProperty = "CG0004.Tokens";

    /// <summary>Diagnostic property: the name of the <c>CancellationToken</c> parameter to fill.</summary>
    internal const string ParameterNameProperty = "CG0004.ParameterName";

    /// <summary>Diagnostic property: the position, in the call's written argument list, of that parameter (or of the argument to replace).</summary>
    internal const string ArgumentIndexProperty = "CG0004.ArgumentIndex";

    /// <summary>Add an argument for an optional <c>CancellationToken</c> parameter left out.</summary>
    internal const string KindAddArgument = "AddArgument";

    /// <summary>Add an argument so that the overload taking a <c>CancellationToken</c> is called.</summary>
    internal const string KindUseOverload = "UseOverload";

    /// <summary>Replace an explicit <c>CancellationToken.None</c>/<c>default</c> argument.</summary>
    internal const string KindReplaceArgument = "ReplaceArgument";

    /// <summary>Append <c>.WithCancellation(token)</c> to an <c>await foreach</c>'s collection.</summary>
    internal const string KindWithCancellation = "WithCancellation";

    /// <summary>Token kind: a <c>CancellationToken</c> parameter of the enclosing lambda or local function.</summary>
    internal const string TokenLambda = "Lambda";

    /// <summary>Token kind: the <c>[StreamingRun]</c> method's <c>CancellationToken</c> parameter.</summary>
    internal const string TokenParameter = "Parameter";

    /// <summary>Token kind: the <c>[StreamingRun]</c> method's <c>RunContext</c> parameter's <c>CancellationToken</c>.</summary>
    internal const string TokenRunContext = "RunContext";

    /// <summary>Creates the rule.</summary>
    public TokenNotPassedAnalyzer()
        : base(DiagnosticDescriptors.TokenNotPassed)
    {
    }

    /// <inheritdoc/>
    private protected override void OnCompilationStart(CompilationStartAnalysisContext start, RunSymbols symbols)
    {
        if (symbols.CancellationToken is null || symbols.StreamingRunAttribute is null)
        {
            return;
        }

        start.RegisterOperationBlockStartAction(block =>
        {
            if (block.OwningSymbol is not IMethodSymbol method || !symbols.IsStreamingRunMethod(method))
            {
                return;
            }

            var methodTokens = MethodTokens(symbols, method);
            var analyzer = new MethodAnalyzer(symbols, method, methodTokens);
            block.RegisterOperationAction(analyzer.AnalyzeInvocation, OperationKind.Invocation);
            block.RegisterOperationAction(analyzer.AnalyzeLoop, OperationKind.Loop);
        });
    }

    /// <summary>Parses <see cref="TokensProperty"/> back into (kind, expression) pairs.</summary>
    internal static ImmutableArray<(string Kind, string Expression)> ParseTokens(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return ImmutableArray<(string, string)>.Empty;
        }

        var builder = ImmutableArray.CreateBuilder<(string, string)>();
        foreach (var line in value!.Split('\n'))
        {
            var equals = line.IndexOf('=');
            if (equals > 0 && equals < line.Length - 1)
            {
                builder.Add((line.Substring(0, equals), line.Substring(equals + 1)));
            }
        }

        return builder.ToImmutable();
    }

    private static ImmutableArray<(string Kind, string Expression)> MethodTokens(RunSymbols symbols, IMethodSymbol method)
    {
        var builder = ImmutableArray.CreateBuilder<(string, string)>();
        foreach (var parameter in method.Parameters)
        {
            if (symbols.IsCancellationToken(parameter.Type) && !HasKind(builder, TokenParameter))
            {
                builder.Add((TokenParameter, parameter.Name));
            }
        }

        foreach (var parameter in method.Parameters)
        {
            if (symbols.IsRunContext(parameter.Type) && !HasKind(builder, TokenRunContext))
            {
                builder.Add((TokenRunContext, parameter.Name + ".CancellationToken"));
            }
        }

        return builder.ToImmutable();
    }

    private static bool HasKind(ImmutableArray<(string Kind, string Expression)>.Builder tokens, string kind)
    {
        foreach (var token in tokens)
        {
            if (token.Kind == kind)
            {
                return true;
            }
        }

        return false;
    }

    private sealed class MethodAnalyzer(RunSymbols symbols, IMethodSymbol method, ImmutableArray<(string Kind, string Expression)> methodTokens)
    {
        public void AnalyzeInvocation(OperationAnalysisContext context)
        {
            if (context.Operation is not IInvocationOperation invocation
                || invocation.IsImplicit
                || invocation.Syntax is not InvocationExpressionSyntax syntax
                || invocation.TargetMethod is not { } target
                || symbols.IsRunContextMember(target)
                || symbols.IsRun(target.ContainingType))
            {
                return;
            }

            var tokenParameterSeen = false;
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter is not { } parameter || !symbols.IsCancellationToken(parameter.Type))
                {
                    continue;
                }

                tokenParameterSeen = true;
                if (argument.ArgumentKind == ArgumentKind.DefaultValue)
                {
                    Report(context, invocation, syntax, target.Name, KindAddArgument, parameter.Name, parameter.Ordinal - WrittenOffset(invocation, target));
                    return;
                }

                if (IsNoneOrDefault(argument.Value) && argument.Syntax is ArgumentSyntax argumentSyntax
                    && syntax.ArgumentList.Arguments.IndexOf(argumentSyntax) is var index and >= 0)
                {
                    Report(context, invocation, syntax, target.Name, KindReplaceArgument, parameter.Name, index);
                    return;
                }
            }

            if (tokenParameterSeen)
            {
                return;
            }

            if (FindTokenOverload(target, context.Compilation, method.ContainingType, out var overloadParameter))
            {
                // Adding one argument selects the overload only when every other argument is written out
                // (no defaulted optional parameters, no expanded params array): otherwise report without a fix.
                var fixable = true;
                foreach (var argument in invocation.Arguments)
                {
                    fixable &= argument.ArgumentKind == ArgumentKind.Explicit;
                }

                Report(context, invocation, syntax, target.Name, fixable ? KindUseOverload : null, overloadParameter!.Name, overloadParameter.Ordinal - WrittenOffset(invocation, target));
            }
        }

        public void AnalyzeLoop(OperationAnalysisContext context)
        {
            if (context.Operation is not IForEachLoopOperation { IsAsynchronous: true } loop
                || StreamingRunOperations.WithoutConversions(loop.Collection) is not { } enumerated
                || IsGivenTokenElsewhere(enumerated, context.Compilation))
            {
                return;
            }

            // Look through '.ConfigureAwait(...)': the token goes on the sequence itself.
            var collection = enumerated;
            while (collection is IInvocationOperation { TargetMethod.Name: "ConfigureAwait" } configure
                && StreamingRunOperations.WithoutConversions(
                    configure.Instance ?? (configure.Arguments.Length > 0 ? configure.Arguments[0].Value : null)) is { } source)
            {
                collection = source;
            }

            if (!symbols.IsAsyncEnumerable(collection.Type) || collection.Syntax is not ExpressionSyntax collectionSyntax)
            {
                return;
            }

            if (collection is ILocalReferenceOperation localReference
                && StreamingRunOperations.InitializerOf(localReference.Local, collection.SemanticModel) is { } initializer
                && IsGivenTokenElsewhere(initializer, context.Compilation))
            {
                return;
            }

            var tokens = TokensFor(collection);
            if (tokens.IsDefaultOrEmpty)
            {
                return;
            }

            var name = collection switch
            {
                IInvocationOperation invocation => invocation.TargetMethod.Name,
                ILocalReferenceOperation local => local.Local.Name,
                IParameterReferenceOperation parameter => parameter.Parameter.Name,
                IFieldReferenceOperation field => field.Field.Name,
                IPropertyReferenceOperation property => property.Property.Name,
                _ => "GetAsyncEnumerator",
            };
            var properties = ImmutableDictionary<string, string?>.Empty
                .Add(KindProperty, KindWithCancellation)
                .Add(TokensProperty, FormatTokens(tokens));
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.TokenNotPassed, collectionSyntax.GetLocation(), properties, name, tokens[0].Expression));
        }

        /// <summary>
        /// Whether the sequence an <c>await foreach</c> enumerates already went through a token (<c>WithCancellation</c>,
        /// a call with a token parameter — that call is this rule's own business), or is not the run's own work
        /// (a run's <c>StreamEvents()</c>, a <c>RunContext</c> member).
        /// </summary>
        private bool IsGivenTokenElsewhere(IOperation collection, Compilation compilation)
        {
            var current = StreamingRunOperations.WithoutConversions(collection);
            while (current is IInvocationOperation invocation)
            {
                var target = invocation.TargetMethod;
                if (target.Name == "WithCancellation"
                    || symbols.IsRunContextMember(target)
                    || symbols.IsRun(target.ContainingType))
                {
                    return true;
                }

                if (target.Name == "ConfigureAwait")
                {
                    // TaskAsyncEnumerableExtensions.ConfigureAwait(this IAsyncEnumerable<T>, bool): look at the source.
                    current = StreamingRunOperations.WithoutConversions(
                        invocation.Instance ?? (invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null));
                    continue;
                }

                foreach (var parameter in target.Parameters)
                {
                    if (symbols.IsCancellationToken(parameter.Type))
                    {
                        return true;
                    }
                }

                return FindTokenOverload(target, compilation, method.ContainingType, out _);
            }

            return false;
        }

        private void Report(
            OperationAnalysisContext context,
            IInvocationOperation invocation,
            InvocationExpressionSyntax syntax,
            string name,
            string? kind,
            string parameterName,
            int argumentIndex)
        {
            var tokens = TokensFor(invocation);
            if (tokens.IsDefaultOrEmpty || argumentIndex < 0)
            {
                return;
            }

            var properties = ImmutableDictionary<string, string?>.Empty.Add(TokensProperty, FormatTokens(tokens));
            if (kind is not null)
            {
                properties = properties
                    .Add(KindProperty, kind)
                    .Add(ParameterNameProperty, parameterName)
                    .Add(ArgumentIndexProperty, argumentIndex.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.TokenNotPassed, syntax.GetLocation(), properties, name, tokens[0].Expression));
        }

        /// <summary>The tokens in scope at <paramref name="operation"/>: the innermost lambda/local function with one, else the method's.</summary>
        private ImmutableArray<(string Kind, string Expression)> TokensFor(IOperation operation)
        {
            for (var current = operation; ;)
            {
                var function = StreamingRunOperations.EnclosingFunction(current, out var functionOperation);
                if (function is null || functionOperation is null)
                {
                    return methodTokens;
                }

                foreach (var parameter in function.Parameters)
                {
                    if (symbols.IsCancellationToken(parameter.Type) && !parameter.IsDiscard)
                    {
                        return ImmutableArray.Create((TokenLambda, parameter.Name));
                    }
                }

                if (function.IsStatic)
                {
                    return ImmutableArray<(string, string)>.Empty;
                }

                current = functionOperation;
            }
        }

        private static string FormatTokens(ImmutableArray<(string Kind, string Expression)> tokens)
        {
            var builder = new StringBuilder();
            foreach (var (kind, expression) in tokens)
            {
                if (builder.Length > 0)
                {
                    builder.Append('\n');
                }

                builder.Append(kind).Append('=').Append(expression);
            }

            return builder.ToString();
        }

        /// <summary>
        /// The number of leading parameters not written in the argument list: 1 for an extension method called
        /// as <c>x.M()</c> (its <c>this</c> argument is the receiver), else 0.
        /// </summary>
        private static int WrittenOffset(IInvocationOperation invocation, IMethodSymbol target) =>
            target.IsExtensionMethod && invocation.Arguments.Length > 0
                && invocation.Arguments[0].Syntax is not ArgumentSyntax ? 1 : 0;

        private bool IsNoneOrDefault(IOperation? value)
        {
            value = StreamingRunOperations.WithoutConversions(value);
            switch (value)
            {
                case IDefaultValueOperation:
                    return true;
                case IPropertyReferenceOperation { Property.Name: "None" } property:
                    return symbols.IsCancellationToken(property.Property.ContainingType);
                case IObjectCreationOperation creation when symbols.IsCancellationToken(creation.Type):
                    return creation.Arguments.Length == 0
                        || creation.Arguments.Length == 1 && creation.Arguments[0].Value.ConstantValue is { HasValue: true, Value: false };
                default:
                    return false;
            }
        }

        /// <summary>
        /// Looks for an accessible overload of <paramref name="target"/> on the same type with the same parameters
        /// plus exactly one <c>CancellationToken</c>.
        /// </summary>
        private bool FindTokenOverload(IMethodSymbol target, Compilation compilation, INamedTypeSymbol? within, out IParameterSymbol? tokenParameter)
        {
            tokenParameter = null;
            var definition = target.OriginalDefinition;
            if (definition.ContainingType is not { } type)
            {
                return false;
            }

            foreach (var member in type.GetMembers(definition.Name))
            {
                if (member is not IMethodSymbol candidate
                    || candidate.IsStatic != definition.IsStatic
                    || candidate.Parameters.Length != definition.Parameters.Length + 1
                    || candidate.TypeParameters.Length != definition.TypeParameters.Length
                    || within is not null && !compilation.IsSymbolAccessibleWithin(candidate, within))
                {
                    continue;
                }

                IParameterSymbol? found = null;
                var matches = true;
                var j = 0;
                foreach (var parameter in candidate.Parameters)
                {
                    if (found is null && symbols.IsCancellationToken(parameter.Type))
                    {
                        found = parameter;
                        continue;
                    }

                    if (j >= definition.Parameters.Length
                        || definition.Parameters[j].RefKind != parameter.RefKind
                        || !TypesMatch(definition.Parameters[j].Type, parameter.Type))
                    {
                        matches = false;
                        break;
                    }

                    j++;
                }

                if (matches && found is not null && !found.IsParams)
                {
                    tokenParameter = found;
                    return true;
                }
            }

            return false;
        }

        private static bool TypesMatch(ITypeSymbol a, ITypeSymbol b)
        {
            switch (a)
            {
                case ITypeParameterSymbol pa when b is ITypeParameterSymbol pb:
                    return pa.TypeParameterKind == pb.TypeParameterKind && pa.Ordinal == pb.Ordinal
                        && (pa.TypeParameterKind == TypeParameterKind.Method || SymbolEqualityComparer.Default.Equals(pa, pb));
                case IArrayTypeSymbol aa when b is IArrayTypeSymbol ab:
                    return aa.Rank == ab.Rank && TypesMatch(aa.ElementType, ab.ElementType);
                case INamedTypeSymbol na when b is INamedTypeSymbol nb && na.IsGenericType:
                    if (!SymbolEqualityComparer.Default.Equals(na.OriginalDefinition, nb.OriginalDefinition)
                        || na.TypeArguments.Length != nb.TypeArguments.Length)
                    {
                        return false;
                    }

                    for (var i = 0; i < na.TypeArguments.Length; i++)
                    {
                        if (!TypesMatch(na.TypeArguments[i], nb.TypeArguments[i]))
                        {
                            return false;
                        }
                    }

                    return true;
                default:
                    return SymbolEqualityComparer.Default.Equals(a, b);
            }
        }
    }
}
