using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;

namespace CancelGen.Generators.Parsing;

/// <summary>Parsing: names, accessibility, type parameter lists and hint names of the wrapper.</summary>
internal static partial class StreamingRunParser
{
    /// <summary><c>RunAsync</c> gives <c>RunStreamed</c>, <c>Chat</c> gives <c>ChatStreamed</c>.</summary>
    public static string DefaultWrapperName(string methodName)
    {
        const string suffix = "Async";
        var stem = methodName.Length > suffix.Length && methodName.EndsWith(suffix, StringComparison.Ordinal)
            ? methodName.Substring(0, methodName.Length - suffix.Length)
            : methodName;
        return stem + "Streamed";
    }

    private static string Unique(string name, HashSet<string> taken)
    {
        var candidate = name;
        for (var i = 1; taken.Contains(candidate); i++)
        {
            candidate = name + i.ToString(CultureInfo.InvariantCulture);
        }

        return candidate;
    }

    private static string Accessibility(IMethodSymbol method)
    {
        var sealedType = method.ContainingType.IsSealed || method.ContainingType.IsValueType || method.ContainingType.IsStatic;
        return method.DeclaredAccessibility switch
        {
            Microsoft.CodeAnalysis.Accessibility.Public => "public",
            Microsoft.CodeAnalysis.Accessibility.Internal => "internal",
            Microsoft.CodeAnalysis.Accessibility.Protected => sealedType ? "private" : "protected",
            Microsoft.CodeAnalysis.Accessibility.ProtectedOrInternal => sealedType ? "internal" : "protected internal",
            Microsoft.CodeAnalysis.Accessibility.ProtectedAndInternal => sealedType ? "private" : "private protected",
            _ => "private",
        };
    }

    private static string TypeParameterList(IEnumerable<ITypeParameterSymbol> typeParameters, bool withVariance)
    {
        var names = typeParameters.Select(t =>
            (withVariance && t.Variance == VarianceKind.In ? "in " : withVariance && t.Variance == VarianceKind.Out ? "out " : string.Empty)
            + SymbolFormatting.Identifier(t.Name)).ToList();
        return names.Count == 0 ? string.Empty : "<" + string.Join(", ", names) + ">";
    }

    private static IEnumerable<string> ConstraintClauses(IEnumerable<ITypeParameterSymbol> typeParameters)
    {
        foreach (var typeParameter in typeParameters)
        {
            var parts = new List<string>();
            if (typeParameter.HasReferenceTypeConstraint)
            {
                parts.Add(typeParameter.ReferenceTypeConstraintNullableAnnotation == NullableAnnotation.Annotated ? "class?" : "class");
            }
            else if (typeParameter.HasUnmanagedTypeConstraint)
            {
                parts.Add("unmanaged");
            }
            else if (typeParameter.HasValueTypeConstraint)
            {
                parts.Add("struct");
            }
            else if (typeParameter.HasNotNullConstraint)
            {
                parts.Add("notnull");
            }

            parts.AddRange(typeParameter.ConstraintTypes.Select(SymbolFormatting.Type));
            if (typeParameter.HasConstructorConstraint)
            {
                parts.Add("new()");
            }

            if (typeParameter.AllowsRefLikeType)
            {
                parts.Add("allows ref struct");
            }

            if (parts.Count > 0)
            {
                yield return "where " + SymbolFormatting.Identifier(typeParameter.Name) + " : " + string.Join(", ", parts);
            }
        }
    }

    /// <summary>
    /// The hint name of the file that holds every wrapper of <paramref name="type"/>: the same for the type on every
    /// run, different for different types. The readable path (namespace, then the type and the types it is nested in,
    /// each with its arity) plus a hash of the exact identity (namespace and nesting told apart, case kept), so that
    /// types whose readable paths sanitize or case-fold to the same text still get names that differ (the driver
    /// compares hint names ignoring case).
    /// </summary>
    private static string TypeHintName(INamedTypeSymbol type)
    {
        var types = new List<INamedTypeSymbol>();
        for (var current = type; current is not null; current = current.ContainingType)
        {
            types.Insert(0, current);
        }

        var ns = types[0].ContainingNamespace is { IsGlobalNamespace: false } containingNamespace ? containingNamespace.ToDisplayString() : string.Empty;
        var path = new StringBuilder(ns);
        var identity = new StringBuilder(ns).Append(':');
        for (var i = 0; i < types.Count; i++)
        {
            if (path.Length > 0)
            {
                path.Append('.');
            }

            path.Append(types[i].MetadataName);
            identity.Append(i == 0 ? string.Empty : "+").Append(types[i].MetadataName);
        }

        var readable = new StringBuilder(path.Length);
        foreach (var c in path.ToString())
        {
            readable.Append(char.IsLetterOrDigit(c) || c == '.' || c == '_' ? c : '_');
        }

        return readable + "." + SymbolFormatting.StableHash(identity.ToString()) + ".g.cs";
    }
}
