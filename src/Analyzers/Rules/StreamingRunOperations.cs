using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace CancelGen.Analyzers.Rules;

/// <summary>
/// Operation-tree helpers shared by the rules.
/// Everything here walks up the operation tree from one node (bounded by its depth), never down a syntax tree.
/// </summary>
internal static class StreamingRunOperations
{
    /// <summary>Skips implicit and explicit conversions wrapping <paramref name="operation"/>.</summary>
    public static IOperation? WithoutConversions(IOperation? operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    /// <summary>Whether <paramref name="type"/> is <c>System.Threading.CancellationToken</c>.</summary>
    public static bool IsCancellationToken(this RunSymbols symbols, ITypeSymbol? type) =>
        type is not null && symbols.CancellationToken is not null
        && SymbolEqualityComparer.Default.Equals(type, symbols.CancellationToken);

    /// <summary>Whether <paramref name="type"/> is <c>ValueTask</c> or <c>ValueTask&lt;T&gt;</c>.</summary>
    public static bool IsValueTask(this RunSymbols symbols, ITypeSymbol? type)
    {
        if (type is not INamedTypeSymbol named)
        {
            return false;
        }

        var definition = named.OriginalDefinition;
        return SymbolEqualityComparer.Default.Equals(definition, symbols.ValueTask)
            || SymbolEqualityComparer.Default.Equals(definition, symbols.ValueTaskOfT);
    }

    /// <summary>Whether <paramref name="type"/> is <c>Task</c>, <c>Task&lt;T&gt;</c> (or derived), <c>ValueTask</c> or <c>ValueTask&lt;T&gt;</c>.</summary>
    public static bool IsTaskLike(this RunSymbols symbols, ITypeSymbol? type)
    {
        if (symbols.IsValueTask(type))
        {
            return true;
        }

        for (var current = type as INamedTypeSymbol; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, symbols.Task))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether <paramref name="type"/> is or implements <c>IAsyncEnumerable&lt;T&gt;</c>.</summary>
    public static bool IsAsyncEnumerable(this RunSymbols symbols, ITypeSymbol? type)
    {
        if (type is null || symbols.IAsyncEnumerableOfT is null)
        {
            return false;
        }

        if (SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, symbols.IAsyncEnumerableOfT))
        {
            return true;
        }

        foreach (var @interface in type.AllInterfaces)
        {
            if (SymbolEqualityComparer.Default.Equals(@interface.OriginalDefinition, symbols.IAsyncEnumerableOfT))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether <paramref name="method"/> is a member of <c>RunContext</c>/<c>RunContext&lt;T&gt;</c> (or a type derived from them).</summary>
    public static bool IsRunContextMember(this RunSymbols symbols, IMethodSymbol? method) =>
        method is not null && symbols.IsRunContext(method.ContainingType);

    /// <summary>
    /// The lambda or local function whose body holds <paramref name="operation"/> most closely, or
    /// <see langword="null"/> when it is directly in the method's body.
    /// </summary>
    public static IMethodSymbol? EnclosingFunction(IOperation operation, out IOperation? functionOperation)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case IAnonymousFunctionOperation anonymous:
                    functionOperation = anonymous;
                    return anonymous.Symbol;
                case ILocalFunctionOperation local:
                    functionOperation = local;
                    return local.Symbol;
            }
        }

        functionOperation = null;
        return null;
    }

    /// <summary>Whether a <see langword="static"/> lambda or local function stands between <paramref name="operation"/> and the method's body (so the method's parameters cannot be used there).</summary>
    public static bool IsInStaticFunction(IOperation operation)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            var symbol = current switch
            {
                IAnonymousFunctionOperation anonymous => anonymous.Symbol,
                ILocalFunctionOperation local => local.Symbol,
                _ => null,
            };
            if (symbol is { IsStatic: true })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether <paramref name="operation"/> sits inside a lambda handed to <c>RunContext.Run(...)</c>: that work is
    /// owned by the run already.
    /// </summary>
    public static bool IsInsideRunContextRunLambda(this RunSymbols symbols, IOperation operation)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current is not IAnonymousFunctionOperation anonymous)
            {
                continue;
            }

            IOperation? parent = anonymous.Parent;
            if (parent is IDelegateCreationOperation)
            {
                parent = parent.Parent;
            }

            parent = SkipConversionParents(parent);
            if (parent is IArgumentOperation { Parent: IInvocationOperation invocation }
                && invocation.TargetMethod.Name == "Run"
                && symbols.IsRunContextMember(invocation.TargetMethod))
            {
                return true;
            }
        }

        return false;
    }

    private static IOperation? SkipConversionParents(IOperation? operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Parent;
        }

        return operation;
    }

    /// <summary>
    /// The name of the method that produced a run handle, for messages: <c>AnswerStreamed</c> for
    /// <c>agent.AnswerStreamed(q)</c> and for <c>await agent.AnswerLaterAsync(q).ConfigureAwait(false)</c>.
    /// </summary>
    public static string CreatorName(IOperation creation) => WithoutConversions(creation) switch
    {
        IInvocationOperation { TargetMethod.Name: "ConfigureAwait", Instance: { } awaited } => CreatorName(awaited),
        IInvocationOperation invocation => invocation.TargetMethod.Name,
        IAwaitOperation { Operation: var awaited } => CreatorName(awaited),
        IObjectCreationOperation { Type: { } type } => "new " + type.Name,
        _ => creation.Syntax.ToString(),
    };

    /// <summary>
    /// The operation of <paramref name="local"/>'s initializer (<c>var events = run.StreamEvents();</c>), when it is
    /// declared once with one, in the tree <paramref name="model"/> belongs to.
    /// </summary>
    public static IOperation? InitializerOf(ILocalSymbol local, SemanticModel? model)
    {
        if (model is null || local.DeclaringSyntaxReferences.Length != 1
            || local.DeclaringSyntaxReferences[0].GetSyntax() is not VariableDeclaratorSyntax { Initializer.Value: { } value }
            || value.SyntaxTree != model.SyntaxTree)
        {
            return null;
        }

        return model.GetOperation(value);
    }
}
