using Microsoft.CodeAnalysis;

namespace CancelGen.Generators.Models;

/// <summary>A diagnostic to report, as equatable values: its descriptor, where it points and its message arguments.</summary>
internal sealed record DiagnosticInfo(DiagnosticDescriptor Descriptor, LocationInfo? Location, EquatableArray<string> MessageArguments)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, LocationInfo? location, params string[] messageArguments) =>
        new(descriptor, location, messageArguments.ToEquatableArray());

    /// <summary>
    /// The diagnostic, located in <paramref name="tree"/> when given (a source location, which <c>#pragma</c>
    /// suppression needs), else at the bare file path.
    /// </summary>
    public Diagnostic ToDiagnostic(SyntaxTree? tree) =>
        Diagnostic.Create(Descriptor, Location?.ToLocation(tree), MessageArguments.Select(static a => (object?)a).ToArray());
}
