using System.Collections.Immutable;
using System.Text.RegularExpressions;
using CancelGen.Analyzers.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CancelGen.Analyzers.Tests.Robustness;

/// <summary>
/// The C# programs the rule tests feed the analyzers, read back from <c>tests/CancelGen.Analyzers.Tests/Rules/*.cs</c>:
/// every string literal that looks like C#, with the Microsoft.CodeAnalysis.Testing markup taken out. A snippet
/// without using directives gets, as the rule tests' own <c>VerifyAsync</c> helpers give it, the using directives of
/// the test project's using-only string constants in front and the type-only constants (helpers such as
/// <c>RuleSources.Agent</c>) whose types it names behind.
/// </summary>
internal static partial class RuleTestInputs
{
    /// <summary>The folder of the rule tests.</summary>
    public static string RulesFolder { get; } = Path.Combine(AnalyzerCatalog.RepoRoot, "tests", "CancelGen.Analyzers.Tests", "Rules");

    /// <summary>The rule test files, by name.</summary>
    public static ImmutableArray<string> FileNames { get; } =
        [.. Directory.EnumerateFiles(RulesFolder, "*.cs").Select(Path.GetFileName).Order(StringComparer.Ordinal)!];

    /// <summary>The distinct inputs of <paramref name="fileName"/>, each named <c>file:line</c> after the literal it comes from.</summary>
    public static ImmutableArray<(string Name, string Source)> Read(string fileName)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var inputs = ImmutableArray.CreateBuilder<(string, string)>();
        foreach (var token in ParseFile(Path.Combine(RulesFolder, fileName)).DescendantTokens())
        {
            if (!token.IsKind(SyntaxKind.StringLiteralToken)
                && !token.IsKind(SyntaxKind.SingleLineRawStringLiteralToken)
                && !token.IsKind(SyntaxKind.MultiLineRawStringLiteralToken))
            {
                continue;
            }

            var text = StripMarkup(token.ValueText);
            if (!LooksLikeCSharp(text) || (HasUsings(text) && !DeclaredTypes(text).Any()))
            {
                continue;
            }

            var source = HasUsings(text) ? text : Complete(text);
            if (seen.Add(source))
            {
                inputs.Add(($"{fileName}:{token.GetLocation().GetLineSpan().StartLinePosition.Line + 1}", source));
            }
        }

        return inputs.ToImmutable();
    }

    /// <summary>Whether <paramref name="source"/> has top-level statements (and so must compile to an executable).</summary>
    public static bool HasTopLevelStatements(string source) =>
        CSharpSyntaxTree.ParseText(source).GetRoot().ChildNodes().Any(static node => node.IsKind(SyntaxKind.GlobalStatement));

    /// <summary>A snippet with the shared using directives in front and the shared helper types it names behind.</summary>
    private static string Complete(string snippet)
    {
        var declared = DeclaredTypes(snippet).ToHashSet(StringComparer.Ordinal);
        var used = CSharpSyntaxTree.ParseText(snippet).GetRoot().DescendantTokens()
            .Where(static token => token.IsKind(SyntaxKind.IdentifierToken))
            .Select(static token => token.ValueText)
            .ToHashSet(StringComparer.Ordinal);
        var helpers = SharedHelpers.Value
            .Where(helper => !helper.Types.Any(declared.Contains) && helper.Names.Any(used.Contains))
            .Select(static helper => helper.Text);
        return SharedUsings.Value + snippet + string.Concat(helpers);
    }

    /// <summary>The string constants of every test source file: using-only ones are headers, type-only ones are helpers.</summary>
    private static readonly Lazy<ImmutableArray<string>> Constants = new(static () =>
        [.. Directory.EnumerateFiles(Path.Combine(AnalyzerCatalog.RepoRoot, "tests", "CancelGen.Analyzers.Tests"), "*.cs", SearchOption.AllDirectories)
            .Where(static path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(static path => ParseFile(path).DescendantNodes().OfType<FieldDeclarationSyntax>())
            .Where(static field => field.Modifiers.Any(SyntaxKind.ConstKeyword))
            .SelectMany(static field => field.Declaration.Variables)
            .Select(static variable => variable.Initializer?.Value is LiteralExpressionSyntax literal ? literal.Token.ValueText : null)
            .OfType<string>()]);

    private static readonly Lazy<string> SharedUsings = new(static () =>
        string.Concat(Constants.Value
            .Where(static c => HasUsings(c) && !DeclaredTypes(c).Any())
            .SelectMany(static c => UsingDirective().Matches(c).Select(static m => m.Value.Trim() + "\n"))
            .Distinct(StringComparer.Ordinal)) + "\n");

    /// <summary>The helper constants, with the types they declare and every name (type or method) a snippet may use them by.</summary>
    private static readonly Lazy<ImmutableArray<(string Text, ImmutableArray<string> Types, ImmutableArray<string> Names)>> SharedHelpers = new(static () =>
        [.. Constants.Value
            .Where(static c => !HasUsings(c) && DeclaredTypes(c).Any())
            .Distinct(StringComparer.Ordinal)
            .Select(static c => (c, DeclaredTypes(c).ToImmutableArray(), DeclaredNames(c)))]);

    private static ImmutableArray<string> DeclaredNames(string helper) =>
        [.. CSharpSyntaxTree.ParseText(helper).GetRoot().DescendantNodes()
            .Select(static node => node switch
            {
                BaseTypeDeclarationSyntax type => type.Identifier.ValueText,
                MethodDeclarationSyntax method => method.Identifier.ValueText,
                _ => null,
            })
            .OfType<string>()];

    private static SyntaxNode ParseFile(string path) => CSharpSyntaxTree.ParseText(File.ReadAllText(path)).GetRoot();

    /// <summary>Removes <c>{|ID:</c>, <c>{|#0:</c>, <c>{|#0,ID:</c>, <c>|}</c>, <c>[|</c>, <c>|]</c> and <c>$$</c>.</summary>
    public static string StripMarkup(string text) => Markup().Replace(text, "");

    private static bool LooksLikeCSharp(string text) =>
        text.Contains("class ", StringComparison.Ordinal)
        || text.Contains("namespace ", StringComparison.Ordinal)
        || text.Contains("using ", StringComparison.Ordinal);

    private static bool HasUsings(string text) => UsingDirective().IsMatch(text);

    private static IEnumerable<string> DeclaredTypes(string text) => TypeDeclaration().Matches(text).Select(static m => m.Groups[2].Value);

    [GeneratedRegex(@"\{\|[^:|{}\r\n]*:|\|\}|\[\||\|\]|\$\$")]
    private static partial Regex Markup();

    [GeneratedRegex(@"^\s*using\s+(static\s+)?[\w.]+(\s*=\s*[\w.]+)?\s*;", RegexOptions.Multiline)]
    private static partial Regex UsingDirective();

    [GeneratedRegex(@"\b(class|struct|interface|record|enum)\s+(\w+)")]
    private static partial Regex TypeDeclaration();
}
