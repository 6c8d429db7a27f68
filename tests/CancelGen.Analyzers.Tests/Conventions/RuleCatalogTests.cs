using System.Composition;
using CancelGen.Analyzers.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CancelGen.Analyzers.Tests.Conventions;

/// <summary>
/// Every analyzer and code fix in the CancelGen analyzer assemblies, found by reflection, keeps the catalog
/// in step: IDs from <see cref="RuleIds"/>, a help link to a complete <c>docs/rules/{id}.md</c> page, a release-tracking
/// line, warnings on by default, and fixers that MEF can load and Fix All can drive.
/// </summary>
public sealed class RuleCatalogTests
{
    /// <summary>The sections every rule page has, in this order (as docs/rules/CG0003.md and CG0004.md have them).</summary>
    private static readonly string[] RulePageSections =
    [
        "## What it catches",
        "## Why",
        "## Examples that fire",
        "## Examples that do not fire",
        "## How to fix",
        "## How to suppress",
    ];

    public static TheoryData<string> AnalyzerTypeNames => AnalyzerCatalog.TheoryData(AnalyzerCatalog.AnalyzerTypes.Select(static t => t.FullName!));

    public static TheoryData<string> SupportedIds => AnalyzerCatalog.TheoryData(AnalyzerCatalog.Descriptors.Select(static d => d.Descriptor.Id));

    public static TheoryData<string> RuleIdConstants => AnalyzerCatalog.TheoryData(AnalyzerCatalog.RuleIdConstants);

    public static TheoryData<string> CodeFixTypeNames => AnalyzerCatalog.TheoryData(AnalyzerCatalog.CodeFixTypes.Select(static t => t.FullName!));

    [Fact]
    public void The_assemblies_hold_analyzers_and_code_fixes()
    {
        Assert.NotEmpty(AnalyzerCatalog.AnalyzerTypes);
        Assert.NotEmpty(AnalyzerCatalog.CodeFixTypes);
        Assert.NotEmpty(AnalyzerCatalog.RuleIdConstants);
    }

    [Theory]
    [MemberData(nameof(AnalyzerTypeNames))]
    public void Analyzer_is_a_public_sealed_CSharp_analyzer_with_rules(string typeName)
    {
        var type = AnalyzerCatalog.AnalyzerType(typeName);

        Assert.True(type.IsPublic && type.IsSealed, $"{type.Name} should be public sealed");
        var attribute = Assert.Single(type.GetCustomAttributes(typeof(DiagnosticAnalyzerAttribute), inherit: false).Cast<DiagnosticAnalyzerAttribute>());
        Assert.Equal([LanguageNames.CSharp], attribute.Languages);
        Assert.NotEmpty(AnalyzerCatalog.CreateAnalyzer(type).SupportedDiagnostics);
    }

    [Theory]
    [MemberData(nameof(SupportedIds))]
    public void Rule_id_is_a_RuleIds_constant_supported_by_one_analyzer(string id)
    {
        Assert.Matches(AnalyzerCatalog.RuleIdPattern(), id);
        Assert.Contains(id, AnalyzerCatalog.RuleIdConstants);
        Assert.Single(AnalyzerCatalog.Descriptors.Single(d => d.Descriptor.Id == id).Analyzers);
    }

    [Theory]
    [MemberData(nameof(SupportedIds))]
    public void Rule_is_an_enabled_warning_with_its_help_link(string id)
    {
        var descriptor = AnalyzerCatalog.Descriptor(id);

        Assert.Equal(DiagnosticSeverity.Warning, descriptor.DefaultSeverity);
        Assert.True(descriptor.IsEnabledByDefault, $"{id} should be enabled by default");
        Assert.Equal($"https://github.com/CancelGen/CancelGen/blob/main/docs/rules/{id}.md", descriptor.HelpLinkUri);
        Assert.False(string.IsNullOrWhiteSpace(descriptor.Title.ToString(System.Globalization.CultureInfo.InvariantCulture)), $"{id} has no title");
        Assert.False(string.IsNullOrWhiteSpace(descriptor.Description.ToString(System.Globalization.CultureInfo.InvariantCulture)), $"{id} has no description");
    }

    [Theory]
    [MemberData(nameof(SupportedIds))]
    public void Rule_has_a_docs_page_with_every_section(string id)
    {
        var descriptor = AnalyzerCatalog.Descriptor(id);
        var path = Path.Combine(AnalyzerCatalog.RepoRoot, "docs", "rules", id + ".md");
        Assert.True(File.Exists(path), $"docs/rules/{id}.md is missing");
        var lines = File.ReadAllLines(path);

        Assert.StartsWith($"# {id} ", lines[0], StringComparison.Ordinal);
        Assert.Contains($"| ID | `{id}` |", lines);
        Assert.Contains($"| Category | {descriptor.Category} |", lines);
        Assert.Contains($"| Severity | {descriptor.DefaultSeverity} |", lines);
        var positions = RulePageSections.Select(section => Array.IndexOf(lines, section)).ToArray();
        var missing = RulePageSections.Where((_, i) => positions[i] < 0).ToArray();
        Assert.True(missing.Length == 0, $"docs/rules/{id}.md lacks {string.Join(", ", missing)}");
        Assert.True(positions.SequenceEqual(positions.Order()), $"docs/rules/{id}.md should have its sections in the order {string.Join(", ", RulePageSections)}");
    }

    [Theory]
    [MemberData(nameof(SupportedIds))]
    public void Rule_has_one_release_tracking_line_naming_its_analyzer(string id)
    {
        var descriptor = AnalyzerCatalog.Descriptor(id);
        var analyzer = AnalyzerCatalog.Descriptors.Single(d => d.Descriptor.Id == id).Analyzers[0];

        var line = Assert.Single(ReleaseTrackingRows(), row => row[0] == id);
        Assert.Equal(descriptor.Category, line[1]);
        Assert.Equal(descriptor.DefaultSeverity.ToString(), line[2]);
        Assert.Contains(analyzer.Name, line[3], StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(RuleIdConstants))]
    public void RuleIds_constant_is_supported_by_exactly_one_analyzer(string id)
    {
        var supporters = AnalyzerCatalog.AnalyzerTypes
            .Where(type => AnalyzerCatalog.CreateAnalyzer(type).SupportedDiagnostics.Any(d => d.Id == id))
            .Select(static type => type.Name)
            .ToArray();

        Assert.True(supporters.Length == 1, $"{id} should be supported by exactly one analyzer; supported by [{string.Join(", ", supporters)}]");
    }

    [Fact]
    public void Every_release_tracking_line_is_a_RuleIds_constant()
    {
        var rows = ReleaseTrackingRows().Select(static row => row[0]).ToArray();

        Assert.Equal(rows.Length, rows.Distinct(StringComparer.Ordinal).Count());
        Assert.All(rows, id => Assert.Contains(id, AnalyzerCatalog.RuleIdConstants));
    }

    [Theory]
    [MemberData(nameof(CodeFixTypeNames))]
    public void Code_fix_is_exported_shared_and_fixes_only_analyzer_rules(string typeName)
    {
        var type = AnalyzerCatalog.CodeFixType(typeName);
        var provider = AnalyzerCatalog.CreateCodeFix(type);

        Assert.True(type.IsPublic && type.IsSealed, $"{type.Name} should be public sealed");
        var export = Assert.Single(type.GetCustomAttributes(typeof(ExportCodeFixProviderAttribute), inherit: false).Cast<ExportCodeFixProviderAttribute>());
        Assert.Contains(LanguageNames.CSharp, export.Languages);
        Assert.Single(type.GetCustomAttributes(typeof(SharedAttribute), inherit: false));
        Assert.NotEmpty(provider.FixableDiagnosticIds);
        var supported = AnalyzerCatalog.Descriptors.Select(static d => d.Descriptor.Id).ToHashSet(StringComparer.Ordinal);
        Assert.All(provider.FixableDiagnosticIds, id => Assert.Contains(id, supported));
        Assert.NotNull(provider.GetFixAllProvider());
    }

    /// <summary>The table rows (ID, category, severity, notes) of AnalyzerReleases.Shipped.md and .Unshipped.md.</summary>
    private static IEnumerable<string[]> ReleaseTrackingRows() =>
        new[] { "AnalyzerReleases.Shipped.md", "AnalyzerReleases.Unshipped.md" }
            .Select(static file => Path.Combine(AnalyzerCatalog.RepoRoot, "src", "Analyzers", file))
            .Where(File.Exists)
            .SelectMany(File.ReadLines)
            .Select(static line => line.Split('|', StringSplitOptions.TrimEntries))
            .Where(static cells => cells.Length == 4 && AnalyzerCatalog.RuleIdPattern().IsMatch(cells[0]));
}
