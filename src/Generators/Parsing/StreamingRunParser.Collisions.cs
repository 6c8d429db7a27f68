using System.Globalization;
using Microsoft.CodeAnalysis;

namespace CancelGen.Generators.Parsing;

/// <summary>Parsing: whether the wrapper would collide with, or hide, another member.</summary>
internal static partial class StreamingRunParser
{
    /// <summary>
    /// What the wrapper (or its <c>params</c> overload) would collide with, or null. Also says whether it
    /// hides an inherited member (it then gets <c>new</c>).
    /// </summary>
    private static string? FindCollision(
        IMethodSymbol method,
        IMethodSymbol signature,
        string wrapperName,
        List<IParameterSymbol> keptParameters,
        bool hasParamsOverload,
        INamedTypeSymbol? attributeClass,
        KnownTypes known,
        Compilation compilation,
        out bool hidesInherited)
    {
        hidesInherited = false;
        var type = method.ContainingType;
        var arity = signature.TypeParameters.Length;
        var keys = WrapperKeys(keptParameters, arity, hasParamsOverload);

        if (string.Equals(type.Name, wrapperName, StringComparison.Ordinal))
        {
            return $"the name of its containing type '{SymbolFormatting.ForMessage(type)}'";
        }

        for (var outer = type; outer is not null; outer = outer.ContainingType)
        {
            if (outer.TypeParameters.Any(t => string.Equals(t.Name, wrapperName, StringComparison.Ordinal)))
            {
                return $"type parameter '{wrapperName}' of '{SymbolFormatting.ForMessage(outer)}'";
            }
        }

        foreach (var member in type.GetMembers(wrapperName))
        {
            if (member is not IMethodSymbol existing)
            {
                return $"{KindOf(member)} '{SymbolFormatting.ForMessage(member)}'";
            }

            if (keys.Contains(MethodKey(existing)))
            {
                return SymbolEqualityComparer.Default.Equals(existing.PartialDefinitionPart ?? existing, signature)
                    ? "the [StreamingRun] method itself"
                    : $"method '{SymbolFormatting.ForMessage(existing)}'";
            }
        }

        // Another [StreamingRun] method of the same type that would generate the same member (only those whose
        // wrapper has the same name: looked up in an index of the type, so n marked methods cost n, not n squared).
        foreach (var other in MarkedMethodIndex.Of(type, attributeClass).WithWrapperName(wrapperName))
        {
            if (SymbolEqualityComparer.Default.Equals(other, method) || SymbolEqualityComparer.Default.Equals(other, signature))
            {
                continue;
            }

            if (GeneratedKeys(other, known).Overlaps(keys))
            {
                return $"the method generated for [StreamingRun] method '{SymbolFormatting.ForMessage(other)}'";
            }
        }

        // Inherited members with the same name and signature are hidden: the wrapper then says 'new'.
        for (var baseType = type.BaseType; baseType is not null; baseType = baseType.BaseType)
        {
            foreach (var member in baseType.GetMembers(wrapperName))
            {
                if (!compilation.IsSymbolAccessibleWithin(member, type))
                {
                    continue;
                }

                if (member is not IMethodSymbol inherited || keys.Contains(MethodKey(inherited)))
                {
                    hidesInherited = true;
                }
            }

            // A base type from metadata already contains its generated wrappers (found by name above); only a
            // base type in this compilation can have marked methods whose wrappers are being generated now.
            if (!baseType.Locations.Any(static l => l.IsInSource))
            {
                continue;
            }

            foreach (var other in MarkedMethodIndex.Of(baseType, attributeClass).WithWrapperName(wrapperName))
            {
                if (compilation.IsSymbolAccessibleWithin(other, type) && GeneratedKeys(other, known).Overlaps(keys))
                {
                    hidesInherited = true;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// Whether the method's type, or a base type its call could bind to, declares another method with the same name
    /// and signature (CS0111, e.g. while an edit leaves a brace open and a member lands in the wrong type).
    /// </summary>
    private static bool IsDeclaredTwice(IMethodSymbol signature, IMethodSymbol implementation)
    {
        var key = MethodKey(signature);
        for (var type = signature.ContainingType; type is not null; type = type.BaseType)
        {
            var found = 0;
            foreach (var member in type.GetMembers(signature.Name))
            {
                if (member is not IMethodSymbol candidate || MethodKey(candidate) != key)
                {
                    continue;
                }

                var isThisMethod = SymbolEqualityComparer.Default.Equals(candidate, signature) || SymbolEqualityComparer.Default.Equals(candidate, implementation);
                if (!isThisMethod && (SymbolEqualityComparer.Default.Equals(type, signature.ContainingType) || ++found > 1))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static string KindOf(ISymbol member) => member switch
    {
        IPropertySymbol => "property",
        IFieldSymbol => "field",
        IEventSymbol => "event",
        INamedTypeSymbol => "nested type",
        _ => "member",
    };

    /// <summary>The signature keys another marked method's wrapper would have.</summary>
    private static HashSet<string> GeneratedKeys(IMethodSymbol other, KnownTypes known)
    {
        var kept = other.Parameters.Where(p => !known.IsCancellationToken(p.Type) && !known.IsContext(p.Type)).ToList();
        return WrapperKeys(kept, other.TypeParameters.Length, kept.Count > 0 && kept[kept.Count - 1].IsParams);
    }

    private static HashSet<string> WrapperKeys(List<IParameterSymbol> kept, int arity, bool hasParamsOverload)
    {
        var types = kept.Select(static p => SymbolFormatting.SignatureKey(p.Type)).ToList();
        var keys = new HashSet<string>(StringComparer.Ordinal)
        {
            Key(arity, types.Concat(["System.CancellationToken"])),
        };
        if (hasParamsOverload)
        {
            keys.Add(Key(arity, types));
        }

        return keys;
    }

    private static string MethodKey(IMethodSymbol method) =>
        Key(method.TypeParameters.Length, method.Parameters.Select(static p => (p.RefKind == RefKind.None ? string.Empty : "&") + SymbolFormatting.SignatureKey(p.Type)));

    private static string Key(int arity, IEnumerable<string> parameterTypes) =>
        arity.ToString(CultureInfo.InvariantCulture) + "(" + string.Join(",", parameterTypes.Select(static t => t == "System.CancellationToken" ? "System.Threading.CancellationToken" : t)) + ")";
}
