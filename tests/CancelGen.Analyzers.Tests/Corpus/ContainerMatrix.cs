using System.Collections.Immutable;
using CancelGen.Generators.Tests;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CancelGen.Analyzers.Tests.Corpus;

/// <summary>
/// Every <c>[StreamingRun]</c> method of every baseline shape, copied into every kind of containing type: class,
/// struct, record, record struct, a class nested in a class, a generic class, a static class (the copy made static),
/// and the two the generator must refuse with a diagnostic: an interface and an enum.
/// </summary>
internal static class ContainerMatrix
{
    /// <summary>The kinds of containing type, each with its opening and closing text around the copied method.</summary>
    public static ImmutableArray<(string Kind, string Open, string Close, bool Accepted)> Containers { get; } =
    [
        ("class", "public partial class InClass\n{\n", "}\n", true),
        ("struct", "public partial struct InStruct\n{\n", "}\n", true),
        ("record", "public partial record InRecord\n{\n", "}\n", true),
        ("record struct", "public partial record struct InRecordStruct\n{\n", "}\n", true),
        ("nested", "public partial class Outer\n{\n    internal partial class InNested\n    {\n", "    }\n}\n", true),
        ("generic", "public partial class InGeneric<TItem, TOther>\n    where TItem : notnull\n{\n", "}\n", true),
        ("static", "public static partial class InStatic\n{\n", "}\n", true),
        ("interface", "public partial interface IInInterface\n{\n", "}\n", false),
        ("enum", "public enum InEnum\n{\n    First,\n", "}\n", false),
    ];

    /// <summary>One input per shape, marked method and kind of containing type.</summary>
    public static ImmutableArray<CorpusInput> Inputs() =>
        [.. Shapes.All.SelectMany(static shape => MarkedMethods(shape.Value).SelectMany((method, index) => Containers.Select(container =>
            new CorpusInput(
                $"shape {shape.Key} method {index} in {container.Kind}",
                shape.Value + "\n" + container.Open + Copy(method, container.Kind) + container.Close,
                container.Accepted ? CorpusExpectation.Anything : CorpusExpectation.Rejected))))];

    private static IEnumerable<MethodDeclarationSyntax> MarkedMethods(string source) =>
        CSharpSyntaxTree.ParseText(source).GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>()
            .Where(static method => method.AttributeLists.SelectMany(static list => list.Attributes)
                .Any(static attribute => attribute.Name.ToString().Contains("StreamingRun", StringComparison.Ordinal)));

    private static string Copy(MethodDeclarationSyntax method, string kind)
    {
        if (kind == "static" && !method.Modifiers.Any(SyntaxKind.StaticKeyword))
        {
            method = method.AddModifiers(SyntaxFactory.Token(SyntaxKind.StaticKeyword).WithTrailingTrivia(SyntaxFactory.Space));
        }

        // Explicit interface implementations and 'this' parameters keep their text: the containers then make them invalid, which is the point.
        return method.WithoutLeadingTrivia().ToFullString().TrimEnd() + "\n";
    }
}
