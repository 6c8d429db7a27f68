using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CancelGen.Generators.Parsing;

/// <summary>Turns symbols into the C# text the emitter writes: qualified type names, default values, signature keys.</summary>
internal static class SymbolFormatting
{
    /// <summary><c>global::</c>-qualified, keywords for special types, nullable annotations kept.</summary>
    public static readonly SymbolDisplayFormat TypeFormat = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    private static readonly SymbolDisplayFormat NamespaceFormat = new(
        globalNamespaceStyle: SymbolDisplayGlobalNamespaceStyle.Omitted,
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
        miscellaneousOptions: SymbolDisplayMiscellaneousOptions.EscapeKeywordIdentifiers);

    /// <summary>A short, readable form for messages (<c>Agent.RunAsync</c>).</summary>
    public static readonly SymbolDisplayFormat MessageFormat = new(
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypes,
        genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters,
        memberOptions: SymbolDisplayMemberOptions.IncludeContainingType,
        miscellaneousOptions: SymbolDisplayMiscellaneousOptions.UseSpecialTypes | SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    public static string Type(ITypeSymbol type) => type.ToDisplayString(TypeFormat);

    public static string Namespace(INamespaceSymbol ns) => ns.ToDisplayString(NamespaceFormat);

    public static string ForMessage(ISymbol symbol) => symbol.ToDisplayString(MessageFormat);

    /// <summary>An identifier as source: <c>@</c> in front of a keyword.</summary>
    public static string Identifier(string name) =>
        SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;

    /// <summary>Whether the name can be written as an identifier (after escaping keywords).</summary>
    public static bool IsUsableName(string name) => SyntaxFacts.IsValidIdentifier(name);

    /// <summary>
    /// A key that is equal for two parameter types exactly when C# treats them as the same in a signature:
    /// tuple names, nullable annotations and dynamic/object differences are ignored, method type parameters
    /// compare by position.
    /// </summary>
    public static string SignatureKey(ITypeSymbol type)
    {
        var builder = new StringBuilder();
        AppendKey(builder, type);
        return builder.ToString();
    }

    private static void AppendKey(StringBuilder builder, ITypeSymbol type)
    {
        switch (type)
        {
            case ITypeParameterSymbol { TypeParameterKind: TypeParameterKind.Method } methodTypeParameter:
                builder.Append("!!").Append(methodTypeParameter.Ordinal.ToString(CultureInfo.InvariantCulture));
                break;
            case ITypeParameterSymbol typeParameter:
                builder.Append('!').Append(typeParameter.Name);
                break;
            case IArrayTypeSymbol array:
                AppendKey(builder, array.ElementType);
                builder.Append('[').Append(array.Rank.ToString(CultureInfo.InvariantCulture)).Append(']');
                break;
            case IPointerTypeSymbol pointer:
                AppendKey(builder, pointer.PointedAtType);
                builder.Append('*');
                break;
            case IDynamicTypeSymbol:
                builder.Append("System.Object");
                break;
            case INamedTypeSymbol named:
                if (named.ContainingType is not null)
                {
                    AppendKey(builder, named.ContainingType);
                    builder.Append('+');
                }
                else if (named.ContainingNamespace is { IsGlobalNamespace: false })
                {
                    builder.Append(named.ContainingNamespace.ToDisplayString()).Append('.');
                }

                builder.Append(named.MetadataName);
                if (named.TypeArguments.Length > 0)
                {
                    builder.Append('<');
                    for (var i = 0; i < named.TypeArguments.Length; i++)
                    {
                        if (i > 0)
                        {
                            builder.Append(',');
                        }

                        AppendKey(builder, named.TypeArguments[i]);
                    }

                    builder.Append('>');
                }

                break;
            default:
                builder.Append(type.ToDisplayString());
                break;
        }
    }

    /// <summary>Whether the type, or any type it is built from, failed to bind.</summary>
    public static bool ContainsErrors(ITypeSymbol type) => type switch
    {
        IErrorTypeSymbol => true,
        IArrayTypeSymbol array => ContainsErrors(array.ElementType),
        IPointerTypeSymbol pointer => ContainsErrors(pointer.PointedAtType),
        INamedTypeSymbol named => named.TypeKind == TypeKind.Error
            || named.TypeArguments.Any(ContainsErrors)
            || (named.ContainingType is not null && ContainsErrors(named.ContainingType)),
        _ => type.TypeKind == TypeKind.Error,
    };

    /// <summary>Whether the type is a pointer (or built from one) and so needs an unsafe context.</summary>
    public static bool ContainsPointer(ITypeSymbol type) => type switch
    {
        IPointerTypeSymbol or IFunctionPointerTypeSymbol => true,
        IArrayTypeSymbol array => ContainsPointer(array.ElementType),
        _ => false,
    };

    /// <summary>The parameter's default value as C# source, or null when it has none.</summary>
    public static string? DefaultValue(IParameterSymbol parameter)
    {
        if (!parameter.HasExplicitDefaultValue)
        {
            return null;
        }

        var type = parameter.Type;
        var value = parameter.ExplicitDefaultValue;
        if (value is null)
        {
            // A non-nullable reference (e.g. 'string s = null!') keeps its suppression.
            var suppress = (type.IsReferenceType || type is ITypeParameterSymbol)
                && type.NullableAnnotation == NullableAnnotation.NotAnnotated;
            return suppress ? "default!" : "default";
        }

        var enumType = type.TypeKind == TypeKind.Enum
            ? type
            : type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable
                && nullable.TypeArguments[0].TypeKind == TypeKind.Enum
                ? nullable.TypeArguments[0]
                : null;
        if (enumType is not null)
        {
            var literal = Literal(value);
            if (literal is null)
            {
                return null;
            }

            return "(" + Type(enumType.WithNullableAnnotation(NullableAnnotation.None)) + ")"
                + (literal.StartsWith("-", StringComparison.Ordinal) ? "(" + literal + ")" : literal);
        }

        return Literal(value);
    }

    private static string? Literal(object value) => value switch
    {
        string s => SymbolDisplay.FormatLiteral(s, quote: true),
        char c => SymbolDisplay.FormatLiteral(c, quote: true),
        bool b => b ? "true" : "false",
        int i => i.ToString(CultureInfo.InvariantCulture),
        uint u => u.ToString(CultureInfo.InvariantCulture) + "U",
        long l => l.ToString(CultureInfo.InvariantCulture) + "L",
        ulong ul => ul.ToString(CultureInfo.InvariantCulture) + "UL",
        short sh => sh.ToString(CultureInfo.InvariantCulture),
        ushort ush => ush.ToString(CultureInfo.InvariantCulture),
        byte by => by.ToString(CultureInfo.InvariantCulture),
        sbyte sb => sb.ToString(CultureInfo.InvariantCulture),
        float f => float.IsNaN(f) ? "global::System.Single.NaN"
            : float.IsPositiveInfinity(f) ? "global::System.Single.PositiveInfinity"
            : float.IsNegativeInfinity(f) ? "global::System.Single.NegativeInfinity"
            : f.ToString("R", CultureInfo.InvariantCulture) + "F",
        double d => double.IsNaN(d) ? "global::System.Double.NaN"
            : double.IsPositiveInfinity(d) ? "global::System.Double.PositiveInfinity"
            : double.IsNegativeInfinity(d) ? "global::System.Double.NegativeInfinity"
            : d.ToString("R", CultureInfo.InvariantCulture) + "D",
        decimal m => m.ToString(CultureInfo.InvariantCulture) + "M",
        _ => null,
    };

    /// <summary>A stable 64-bit FNV-1a hash, as 16 hex digits (string.GetHashCode differs between processes).</summary>
    public static string StableHash(string text)
    {
        const ulong offset = 14695981039346656037;
        const ulong prime = 1099511628211;
        var hash = offset;
        foreach (var c in text)
        {
            hash ^= c;
            hash *= prime;
        }

        return hash.ToString("x16", CultureInfo.InvariantCulture);
    }
}
