using System.Collections.Immutable;
using System.Reflection;
using System.Text.RegularExpressions;
using CancelGen.Analyzers.CodeFixes;
using CancelGen.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CancelGen.Analyzers.Tests.Support;

/// <summary>
/// Every analyzer and code fix the CancelGen analyzer assemblies ship, found by reflection (so a new rule is
/// covered by the cross-cutting tests without editing them), and where the repository is on disk.
/// </summary>
internal static partial class AnalyzerCatalog
{
    /// <summary>The assembly holding the <see cref="DiagnosticAnalyzer"/>s.</summary>
    public static Assembly AnalyzerAssembly { get; } = typeof(BackgroundWorkEscapesAnalyzer).Assembly;

    /// <summary>The assembly holding the <see cref="CodeFixProvider"/>s.</summary>
    public static Assembly CodeFixAssembly { get; } = typeof(BackgroundWorkEscapesCodeFixProvider).Assembly;

    /// <summary>The repository's root: the test binaries live in <c>tests/CancelGen.Analyzers.Tests/bin/{Configuration}/{TargetFramework}/</c>.</summary>
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>Every concrete <see cref="DiagnosticAnalyzer"/> type, ordered by name.</summary>
    public static ImmutableArray<Type> AnalyzerTypes { get; } = ConcreteSubclassesOf<DiagnosticAnalyzer>(AnalyzerAssembly);

    /// <summary>Every concrete <see cref="CodeFixProvider"/> type, ordered by name.</summary>
    public static ImmutableArray<Type> CodeFixTypes { get; } = ConcreteSubclassesOf<CodeFixProvider>(CodeFixAssembly);

    /// <summary>Every descriptor some analyzer supports, with the analyzer types that support it, ordered by ID.</summary>
    public static ImmutableArray<(DiagnosticDescriptor Descriptor, ImmutableArray<Type> Analyzers)> Descriptors { get; } =
        [.. AnalyzerTypes
            .SelectMany(static type => CreateAnalyzer(type).SupportedDiagnostics.Select(descriptor => (descriptor, type)))
            .GroupBy(static pair => pair.descriptor.Id, StringComparer.Ordinal)
            .OrderBy(static group => group.Key, StringComparer.Ordinal)
            .Select(static group => (group.First().descriptor, group.Select(static pair => pair.type).Distinct().ToImmutableArray()))];

    /// <summary>The values of the rule-ID constants in <see cref="RuleIds"/> (its other constants, such as the help-link base, left out).</summary>
    public static ImmutableArray<string> RuleIdConstants { get; } =
        [.. typeof(RuleIds)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(static field => field.IsLiteral && field.FieldType == typeof(string))
            .Select(static field => (string)field.GetRawConstantValue()!)
            .Where(static value => value.StartsWith("CG", StringComparison.Ordinal) && !value.Contains('/', StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)];

    /// <summary>The shape every usage-analyzer ID has.</summary>
    [GeneratedRegex(@"^CG0\d{3}$")]
    public static partial Regex RuleIdPattern();

    /// <summary>The analyzer type named <paramref name="fullName"/> (the form theory data carries).</summary>
    public static Type AnalyzerType(string fullName) => AnalyzerTypes.Single(type => type.FullName == fullName);

    /// <summary>The code fix type named <paramref name="fullName"/>.</summary>
    public static Type CodeFixType(string fullName) => CodeFixTypes.Single(type => type.FullName == fullName);

    /// <summary>The descriptor of <paramref name="id"/>.</summary>
    public static DiagnosticDescriptor Descriptor(string id) => Descriptors.Single(entry => entry.Descriptor.Id == id).Descriptor;

    /// <summary>A new instance of <paramref name="type"/>.</summary>
    public static DiagnosticAnalyzer CreateAnalyzer(Type type) => (DiagnosticAnalyzer)Activator.CreateInstance(type)!;

    /// <summary>A new instance of <paramref name="type"/>.</summary>
    public static CodeFixProvider CreateCodeFix(Type type) => (CodeFixProvider)Activator.CreateInstance(type)!;

    /// <summary>A new instance of every analyzer.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> CreateAnalyzers() => [.. AnalyzerTypes.Select(CreateAnalyzer)];

    /// <summary>A new instance of every code fix.</summary>
    public static ImmutableArray<CodeFixProvider> CreateCodeFixes() => [.. CodeFixTypes.Select(CreateCodeFix)];

    /// <summary>Theory data: one row per item.</summary>
    public static TheoryData<string> TheoryData(IEnumerable<string> items)
    {
        var data = new TheoryData<string>();
        foreach (var item in items)
        {
            data.Add(item);
        }

        return data;
    }

    private static ImmutableArray<Type> ConcreteSubclassesOf<TBase>(Assembly assembly) =>
        [.. assembly.GetTypes()
            .Where(static type => type.IsClass && !type.IsAbstract && typeof(TBase).IsAssignableFrom(type))
            .OrderBy(static type => type.FullName, StringComparer.Ordinal)];

    private static string FindRepoRoot()
    {
        var root = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", ".."));
        if (!File.Exists(Path.Combine(root, "CancelGen.sln")))
        {
            throw new InvalidOperationException($"Expected the repository root (with CancelGen.sln) at '{root}', five levels above the test binaries.");
        }

        return root;
    }
}
