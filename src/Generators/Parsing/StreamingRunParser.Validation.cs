using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CancelGen.Generators.Parsing;

/// <summary>Parsing: checks that decide whether a target is the user's broken code (skipped silently) or well-formed.</summary>
internal static partial class StreamingRunParser
{
    /// <summary>
    /// A coarse order of accessibility (private &lt; private protected &lt; protected, internal &lt; protected internal
    /// &lt; public), taking the containing types into account. Protected and internal rank equal, so nothing valid
    /// is ever judged less accessible.
    /// </summary>
    private static int EffectiveRank(ISymbol symbol)
    {
        var rank = int.MaxValue;
        for (var current = symbol; current is not null and not INamespaceSymbol; current = current.ContainingSymbol)
        {
            rank = Math.Min(rank, current.DeclaredAccessibility switch
            {
                Microsoft.CodeAnalysis.Accessibility.Private => 0,
                Microsoft.CodeAnalysis.Accessibility.ProtectedAndInternal => 1,
                Microsoft.CodeAnalysis.Accessibility.Protected or Microsoft.CodeAnalysis.Accessibility.Internal => 2,
                Microsoft.CodeAnalysis.Accessibility.ProtectedOrInternal => 3,
                Microsoft.CodeAnalysis.Accessibility.Public => 4,
                _ => 4,
            });
        }

        return rank;
    }

    private static int TypeRank(ITypeSymbol type) => type switch
    {
        ITypeParameterSymbol or IDynamicTypeSymbol => int.MaxValue,
        IArrayTypeSymbol array => TypeRank(array.ElementType),
        IPointerTypeSymbol pointer => TypeRank(pointer.PointedAtType),
        INamedTypeSymbol named => Math.Min(EffectiveRank(named), named.TypeArguments.Select(TypeRank).DefaultIfEmpty(int.MaxValue).Min()),
        _ => int.MaxValue,
    };

    private static bool HasDuplicates(IEnumerable<string> names)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return names.Any(name => !seen.Add(name));
    }

    /// <summary>Where C# allows extension methods: a static, non-generic, top-level class.</summary>
    private static bool IsExtensionContainer(INamedTypeSymbol type) =>
        type is { IsStatic: true, IsGenericType: false, ContainingType: null, TypeKind: TypeKind.Class };

    private static bool HasStreamingRunAttribute(IMethodSymbol part, INamedTypeSymbol? attributeClass, Compilation compilation, CancellationToken cancellationToken)
    {
        if (attributeClass is null)
        {
            return false;
        }

        foreach (var reference in part.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is not MethodDeclarationSyntax declaration || declaration.AttributeLists.Count == 0
                || !compilation.ContainsSyntaxTree(declaration.SyntaxTree))
            {
                continue;
            }

            var model = compilation.GetSemanticModel(declaration.SyntaxTree);
            foreach (var attributeSyntax in declaration.AttributeLists.SelectMany(static l => l.Attributes))
            {
                var constructor = model.GetSymbolInfo(attributeSyntax, cancellationToken).Symbol;
                if (SymbolEqualityComparer.Default.Equals(constructor?.ContainingType, attributeClass))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool HasBindingErrors(IMethodSymbol method)
    {
        if (!SymbolFormatting.IsUsableName(method.Name) || SymbolFormatting.ContainsErrors(method.ReturnType))
        {
            return true;
        }

        for (var type = method.ContainingType; type is not null; type = type.ContainingType)
        {
            if (!SymbolFormatting.IsUsableName(type.Name)
                || type.TypeParameters.Any(static t => !SymbolFormatting.IsUsableName(t.Name) || t.ConstraintTypes.Any(SymbolFormatting.ContainsErrors))
                || HasDuplicates(type.TypeParameters.Select(static t => t.Name)))
            {
                return true;
            }
        }

        for (var ns = method.ContainingNamespace; ns is { IsGlobalNamespace: false }; ns = ns.ContainingNamespace)
        {
            if (!SymbolFormatting.IsUsableName(ns.Name))
            {
                return true;
            }
        }

        // Duplicate names (CS0100, CS0692) would be copied into the wrapper.
        if (HasDuplicates(method.Parameters.Select(static p => p.Name)) || HasDuplicates(method.TypeParameters.Select(static t => t.Name)))
        {
            return true;
        }

        // An optional parameter before a required one (CS1737) would be copied into the wrapper.
        // Read from the syntax: asking the symbol binds (and nullable-analyzes) every default value.
        var seenOptional = false;
        foreach (var parameter in method.Parameters)
        {
            if (HasDefaultValueSyntax(parameter))
            {
                seenOptional = true;
            }
            else if (seenOptional && !parameter.IsParams)
            {
                return true;
            }
        }

        // An instance method in a static class (CS0708).
        if (!method.IsStatic && method.ContainingType.IsStatic)
        {
            return true;
        }

        // A signature that is less accessible than the method (CS0050/CS0051) would be copied into the wrapper.
        var methodRank = EffectiveRank(method);
        if (TypeRank(method.ReturnType) < methodRank || method.Parameters.Any(p => TypeRank(p.Type) < methodRank))
        {
            return true;
        }

        return method.Parameters.Any(static p => !SymbolFormatting.IsUsableName(p.Name) || SymbolFormatting.ContainsErrors(p.Type))
            || method.TypeParameters.Any(static t => !SymbolFormatting.IsUsableName(t.Name) || t.ConstraintTypes.Any(SymbolFormatting.ContainsErrors));
    }

    /// <summary>Whether the parameter is declared with <c>= value</c> (for a parameter without source, whether it has a default).</summary>
    private static bool HasDefaultValueSyntax(IParameterSymbol parameter)
    {
        var references = parameter.DeclaringSyntaxReferences;
        if (references.IsDefaultOrEmpty)
        {
            return parameter.HasExplicitDefaultValue;
        }

        foreach (var reference in references)
        {
            if (reference.GetSyntax() is ParameterSyntax { Default: not null })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the body has a <c>yield</c> of its own (not one of a nested lambda or local function).</summary>
    private static bool IsIterator(IMethodSymbol implementation, CancellationToken cancellationToken)
    {
        foreach (var reference in implementation.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is MethodDeclarationSyntax { Body: { } body }
                && body.DescendantNodes(static n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax))
                    .OfType<YieldStatementSyntax>().Any())
            {
                return true;
            }
        }

        return false;
    }

    private static string? CaptureProblem(IParameterSymbol parameter)
    {
        switch (parameter.RefKind)
        {
            case RefKind.Ref:
                return "a 'ref' parameter";
            case RefKind.Out:
                return "an 'out' parameter";
            case RefKind.In:
                return "an 'in' parameter";
            case RefKind.None:
                break;
            default:
                return "a 'ref readonly' parameter";
        }

        if (SymbolFormatting.ContainsPointer(parameter.Type))
        {
            return "a pointer";
        }

        if (parameter.Type.IsRefLikeType)
        {
            return $"a ref struct ('{SymbolFormatting.ForMessage(parameter.Type)}')";
        }

        if (parameter.Type is ITypeParameterSymbol { AllowsRefLikeType: true })
        {
            return $"of a type parameter that allows ref structs ('{parameter.Type.Name}')";
        }

        return null;
    }
}
