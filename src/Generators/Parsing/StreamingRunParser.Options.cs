using CancelGen.Generators.Diagnostics;
using CancelGen.Generators.Models;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CancelGen.Generators.Parsing;

/// <summary>Parsing: the run options (<c>EventHistory</c>, <c>BufferCapacity</c>) set on the attribute.</summary>
internal static partial class StreamingRunParser
{
    private const string EventHistoryOption = "EventHistory";
    private const string BufferCapacityOption = "BufferCapacity";

    private static RunOptionsModel ReadRunOptions(
        AttributeData? attribute,
        SyntaxNode? attributeSyntax,
        LocationInfo? attributeLocation,
        string methodDisplay,
        List<DiagnosticInfo> diagnostics)
    {
        if (attribute is null)
        {
            return RunOptionsModel.Default;
        }

        string? eventHistory = null;
        var bufferCapacity = 0;
        foreach (var argument in attribute.NamedArguments)
        {
            var location = NamedArgumentLocation(attributeSyntax, argument.Key) ?? attributeLocation;
            switch (argument.Key)
            {
                case EventHistoryOption when argument.Value.Type is INamedTypeSymbol { TypeKind: TypeKind.Enum } enumType:
                    var member = enumType.GetMembers().OfType<IFieldSymbol>()
                        .FirstOrDefault(f => f.HasConstantValue && Equals(f.ConstantValue, argument.Value.Value));
                    if (member is null)
                    {
                        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidRunOption, location,
                            EventHistoryOption, "(EventHistory)" + Convert.ToString(argument.Value.Value, System.Globalization.CultureInfo.InvariantCulture), methodDisplay,
                            "use one of " + string.Join(", ", enumType.GetMembers().OfType<IFieldSymbol>().Where(static f => f.HasConstantValue).Select(f => "EventHistory." + f.Name))));
                    }
                    else if (member.ConstantValue is not 0)
                    {
                        eventHistory = member.Name;
                    }

                    break;
                case BufferCapacityOption when argument.Value.Value is int capacity:
                    if (capacity < 0)
                    {
                        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidRunOption, location,
                            BufferCapacityOption, capacity.ToString(System.Globalization.CultureInfo.InvariantCulture), methodDisplay,
                            "use 0 for an unbounded buffer or a positive number of events"));
                    }
                    else
                    {
                        bufferCapacity = capacity;
                    }

                    break;
            }
        }

        return new RunOptionsModel(eventHistory, bufferCapacity);
    }

    /// <summary>Where <c>Name = value</c> is written in the attribute, if it is.</summary>
    private static LocationInfo? NamedArgumentLocation(SyntaxNode? attributeSyntax, string name) =>
        LocationInfo.From((attributeSyntax as AttributeSyntax)?.ArgumentList?.Arguments
            .FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == name)?.Expression);
}
