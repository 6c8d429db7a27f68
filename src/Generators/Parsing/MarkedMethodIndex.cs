using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace CancelGen.Generators.Parsing;

/// <summary>
/// The <c>[StreamingRun]</c> methods of one type, by the name of the wrapper each generates (its <c>MethodName</c>
/// or the default name). Built once per type symbol and kept only as long as the symbol (and so its compilation)
/// lives: the collision check of each of n marked methods then looks up its name instead of scanning the n others.
/// </summary>
internal sealed class MarkedMethodIndex
{
    private static readonly ConditionalWeakTable<INamedTypeSymbol, MarkedMethodIndex> Cache = new();

    private readonly Dictionary<string, List<IMethodSymbol>> _byWrapperName;

    private MarkedMethodIndex(Dictionary<string, List<IMethodSymbol>> byWrapperName) => _byWrapperName = byWrapperName;

    /// <summary>The index of <paramref name="type"/>; <paramref name="attributeClass"/> is the compilation's <c>StreamingRunAttribute</c>.</summary>
    public static MarkedMethodIndex Of(INamedTypeSymbol type, INamedTypeSymbol? attributeClass) =>
        Cache.GetValue(type, t => Build(t, attributeClass));

    /// <summary>The marked methods whose wrapper is named <paramref name="wrapperName"/>.</summary>
    public IReadOnlyList<IMethodSymbol> WithWrapperName(string wrapperName) =>
        _byWrapperName.TryGetValue(wrapperName, out var methods) ? methods : [];

    private static MarkedMethodIndex Build(INamedTypeSymbol type, INamedTypeSymbol? attributeClass)
    {
        var byName = new Dictionary<string, List<IMethodSymbol>>(StringComparer.Ordinal);
        if (attributeClass is null)
        {
            return new MarkedMethodIndex(byName);
        }

        foreach (var method in type.GetMembers().OfType<IMethodSymbol>())
        {
            var attribute = method.GetAttributes().FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, attributeClass));
            if (attribute is null)
            {
                continue;
            }

            var name = attribute.NamedArguments.FirstOrDefault(static a => a.Key == "MethodName").Value.Value as string
                ?? StreamingRunParser.DefaultWrapperName(method.Name);
            if (!byName.TryGetValue(name, out var methods))
            {
                byName[name] = methods = [];
            }

            methods.Add(method);
        }

        return new MarkedMethodIndex(byName);
    }
}
