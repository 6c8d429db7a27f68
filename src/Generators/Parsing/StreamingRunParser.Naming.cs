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
    /// A hint name that is the same for the same method on every run and differs between methods: the
    /// readable path (namespace, types with arity, method) plus a hash of the unsanitized path (and of the
    /// parameter types when the method has marked overloads).
    /// </summary>
    private static string HintName(IMethodSymbol method, IMethodSymbol signature, bool hasMarkedOverloads)
    {
        var path = new StringBuilder();
        if (!method.ContainingNamespace.IsGlobalNamespace)
        {
            path.Append(method.ContainingNamespace.ToDisplayString()).Append('.');
        }

        var types = new List<INamedTypeSymbol>();
        for (var type = method.ContainingType; type is not null; type = type.ContainingType)
        {
            types.Insert(0, type);
        }

        foreach (var type in types)
        {
            path.Append(type.MetadataName).Append('.');
        }

        path.Append(method.Name);
        if (signature.TypeParameters.Length > 0)
        {
            path.Append('`').Append(signature.TypeParameters.Length.ToString(CultureInfo.InvariantCulture));
        }

        // The parameter types join the hash only when marked overloads need telling apart, so that editing the
        // signature of a method keeps its file name.
        var full = hasMarkedOverloads
            ? path + "(" + string.Join(",", signature.Parameters.Select(static p => SymbolFormatting.SignatureKey(p.Type))) + ")"
            : path.ToString();
        var readable = new StringBuilder(path.Length);
        foreach (var c in path.ToString())
        {
            readable.Append(char.IsLetterOrDigit(c) || c == '.' || c == '_' ? c : '_');
        }

        return readable + "." + SymbolFormatting.StableHash(full) + ".g.cs";
    }
}
