using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace CancelGen.Generators.Models;

/// <summary>
/// Where a diagnostic points, kept as plain values (a <see cref="Location"/> holds its syntax tree, which
/// would root a whole compilation in the incremental cache).
/// </summary>
internal sealed record LocationInfo(string FilePath, TextSpan TextSpan, LinePositionSpan LineSpan)
{
    public Location ToLocation(SyntaxTree? tree) =>
        tree is not null && tree.FilePath == FilePath && TextSpan.End <= tree.Length
            ? Location.Create(tree, TextSpan)
            : Location.Create(FilePath, TextSpan, LineSpan);

    public static LocationInfo? From(Location? location)
    {
        if (location is null || location.SourceTree is null)
        {
            return null;
        }

        return new LocationInfo(location.SourceTree.FilePath, location.SourceSpan, location.GetLineSpan().Span);
    }

    public static LocationInfo? From(SyntaxNode? node) => From(node?.GetLocation());

    public static LocationInfo? From(SyntaxToken token) => From(token.GetLocation());
}
