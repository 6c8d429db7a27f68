using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CancelGen.Generators.Parsing;

/// <summary>Parsing: the attributes carried from the marked method and its parameters to the wrapper.</summary>
internal static partial class StreamingRunParser
{
    private static readonly string[] CarriedParameterAttributes =
    [
        "System.Runtime.CompilerServices.CallerMemberNameAttribute",
        "System.Runtime.CompilerServices.CallerFilePathAttribute",
        "System.Runtime.CompilerServices.CallerLineNumberAttribute",
        "System.Runtime.CompilerServices.CallerArgumentExpressionAttribute",
        "System.Diagnostics.CodeAnalysis.AllowNullAttribute",
        "System.Diagnostics.CodeAnalysis.DisallowNullAttribute",
    ];

    private static readonly string[] CarriedMethodAttributes =
    [
        "System.ObsoleteAttribute",
        "System.Diagnostics.CodeAnalysis.ExperimentalAttribute",
        "System.Diagnostics.CodeAnalysis.RequiresUnreferencedCodeAttribute",
        "System.Diagnostics.CodeAnalysis.RequiresDynamicCodeAttribute",
        "System.Diagnostics.CodeAnalysis.RequiresAssemblyFilesAttribute",
    ];

    private static string ParameterAttributes(IParameterSymbol parameter, HashSet<string> keptNames)
    {
        var builder = new StringBuilder();
        if (parameter.IsOptional && !parameter.HasExplicitDefaultValue)
        {
            builder.Append("[global::System.Runtime.InteropServices.OptionalAttribute] ");
        }

        var carried = new HashSet<string>(StringComparer.Ordinal);
        foreach (var attribute in parameter.GetAttributes())
        {
            var name = attribute.AttributeClass?.ToDisplayString();
            if (name is null || Array.IndexOf(CarriedParameterAttributes, name) < 0 || !IsWellFormed(attribute) || !carried.Add(name))
            {
                // Not one that matters to callers, broken, or a duplicate (CS0579, the user's error to see).
                continue;
            }

            if (name == "System.Runtime.CompilerServices.CallerArgumentExpressionAttribute"
                && !(attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is string target && keptNames.Contains(target)))
            {
                // It would name a parameter the wrapper does not have.
                continue;
            }

            builder.Append(AttributeSource(attribute)).Append(' ');
        }

        return builder.ToString();
    }

    private static IEnumerable<string> MethodAttributes(IMethodSymbol method)
    {
        var carried = new HashSet<string>(StringComparer.Ordinal);
        foreach (var attribute in method.GetAttributes())
        {
            var name = attribute.AttributeClass?.ToDisplayString();
            if (name is not null && Array.IndexOf(CarriedMethodAttributes, name) >= 0 && IsWellFormed(attribute) && carried.Add(name))
            {
                yield return AttributeSource(attribute);
            }
        }
    }

    /// <summary>Whether the attribute bound (a broken one is the user's error to see, not to copy).</summary>
    private static bool IsWellFormed(AttributeData attribute) =>
        attribute.AttributeConstructor is not null
        && attribute.ConstructorArguments.All(static a => a.Kind != TypedConstantKind.Error)
        && attribute.NamedArguments.All(static a => a.Value.Kind != TypedConstantKind.Error);

    private static string AttributeSource(AttributeData attribute)
    {
        var arguments = attribute.ConstructorArguments.Select(static a => a.ToCSharpString())
            .Concat(attribute.NamedArguments.Select(static a => a.Key + " = " + a.Value.ToCSharpString()))
            .ToList();
        var name = SymbolFormatting.Type(attribute.AttributeClass!);
        return "[" + name + (arguments.Count == 0 ? string.Empty : "(" + string.Join(", ", arguments) + ")") + "]";
    }
}
