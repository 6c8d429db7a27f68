using System.Collections.Immutable;
using CancelGen.Generators.Tests;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit.Abstractions;

namespace CancelGen.Generators.ConsumerTests;

/// <summary>
/// The wrappers generated for every accepted shape (the generator baselines' inputs) draw no warning in a consumer
/// built with <c>AnalysisLevel=latest-all</c> and <c>TreatWarningsAsErrors</c>, with nullable on and off, under
/// C# 8, 10, 12 and 14. In process: one compilation per setting holding every shape, the SDK's own CA analyzers
/// (<see cref="SdkAnalyzers"/>) at the latest-all severities, every compiler warning level, warnings as errors.
/// Stricter than a build: the generated files are analyzed as the consumer's own code (a build skips CA rules in
/// <c>&lt;auto-generated/&gt;</c> files), so a rule that would fire on hand-written wrappers fails here too.
/// </summary>
public sealed class WarningFreeGeneratedCodeTests(ITestOutputHelper output)
{
    public static TheoryData<LanguageVersion, bool> Settings
    {
        get
        {
            var data = new TheoryData<LanguageVersion, bool>();
            foreach (var version in new[] { LanguageVersion.CSharp8, LanguageVersion.CSharp10, LanguageVersion.CSharp12, LanguageVersion.CSharp14 })
            {
                data.Add(version, true);
                data.Add(version, false);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Settings))]
    public async Task Generated_code_for_every_accepted_shape_is_warning_free_under_latest_all(LanguageVersion version, bool nullable)
    {
        var parseOptions = new CSharpParseOptions(version, DocumentationMode.Diagnose);
        var (included, excluded) = ShapesExpressibleIn(parseOptions, nullable);
        output.WriteLine($"C# {version.ToDisplayString()}, nullable {(nullable ? "enable" : "disable")}: {included.Length} shapes; SDK analyzers: {SdkAnalyzers.Description}");
        foreach (var (shape, reason) in excluded)
        {
            output.WriteLine($"  excluded {shape}: {reason}");
        }

        var consumer = Consumer(included.Select(shape => CSharpSyntaxTree.ParseText(Shapes.All[shape], parseOptions, $"{shape}.cs")), nullable);
        CSharpGeneratorDriver.Create([new StreamingRunGenerator().AsSourceGenerator()], parseOptions: parseOptions)
            .RunGeneratorsAndUpdateCompilation(consumer, out var generated, out var generatorDiagnostics);
        var wrappers = generated.SyntaxTrees.Skip(consumer.SyntaxTrees.Count())
            .Select(tree => CSharpSyntaxTree.ParseText(AsHandWritten(tree.ToString()), parseOptions, "Generated/" + Path.GetFileName(tree.FilePath).Replace(".g.cs", ".cs", StringComparison.Ordinal)))
            .ToImmutableArray();
        var withWrappers = consumer.AddSyntaxTrees(wrappers);

        var diagnostics = await withWrappers.WithAnalyzers(SdkAnalyzers.Analyzers).GetAllDiagnosticsAsync();

        Assert.Empty(generatorDiagnostics);
        Assert.NotEmpty(wrappers);
        var inWrappers = diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning && d.Location.SourceTree is { } tree && wrappers.Contains(tree)).ToList();
        Assert.True(inWrappers.Count == 0, $"{inWrappers.Count} diagnostic(s) in generated code:\n" + string.Join("\n", inWrappers.Take(20).Select(d => $"{d}\n    {d.Location.SourceTree!.GetText().Lines[d.Location.GetLineSpan().StartLinePosition.Line]}")));
        Assert.DoesNotContain(diagnostics, static d => d.Id == "AD0001");
        if (version >= LanguageVersion.CSharp12 && nullable)
        {
            Assert.Empty(excluded); // every shape is expressible from C# 12 on: nothing is skipped where it matters
        }
    }

    /// <summary>
    /// The shapes the settings can express, and the others with the compiler's reason: a shape is excluded exactly
    /// when compiling it alone under the settings reports a language-version error (file-scoped namespaces need
    /// C# 10, extended partial methods C# 9), or, with nullable off, a nullable annotation warning (CS8632) in the
    /// shape's own code: a consumer with nullable off does not write <c>string?</c>, and the wrapper repeats the
    /// signature it is given.
    /// </summary>
    private static (ImmutableArray<string> Included, ImmutableArray<(string Shape, string Reason)> Excluded) ShapesExpressibleIn(CSharpParseOptions parseOptions, bool nullable)
    {
        var included = ImmutableArray.CreateBuilder<string>();
        var excluded = ImmutableArray.CreateBuilder<(string, string)>();
        foreach (var (shape, source) in Shapes.All)
        {
            var tree = CSharpSyntaxTree.ParseText(source, parseOptions);
            var reason = Consumer([tree], nullable).GetDiagnostics()
                .FirstOrDefault(static d => d.Id == "CS8632"
                    || (d.Severity == DiagnosticSeverity.Error && d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("language version", StringComparison.OrdinalIgnoreCase)));
            if (reason is null)
            {
                included.Add(shape);
            }
            else
            {
                excluded.Add((shape, reason.ToString()));
            }
        }

        return (included.ToImmutable(), excluded.ToImmutable());
    }

    /// <summary>A consumer library: every warning level, the latest-all CA severities, warnings as errors.</summary>
    private static CSharpCompilation Consumer(IEnumerable<SyntaxTree> trees, bool nullable) =>
        CSharpCompilation.Create(
            "Consumer",
            trees,
            References.Value,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: nullable ? NullableContextOptions.Enable : NullableContextOptions.Disable,
                warningLevel: 9999,
                generalDiagnosticOption: ReportDiagnostic.Error,
                specificDiagnosticOptions: SdkAnalyzers.LatestAllSeverities));

    /// <summary>The generated text without its <c>&lt;auto-generated/&gt;</c> marker, so analyzers treat it as the consumer's own.</summary>
    private static string AsHandWritten(string generated) => generated.Replace("// <auto-generated/>", "// generated by CancelGen", StringComparison.Ordinal);

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(static () =>
    {
        var trusted = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var framework = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        return [.. trusted
            .Where(path => string.Equals(Path.GetDirectoryName(path), framework, StringComparison.Ordinal) && path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            .Select(static path => (MetadataReference)MetadataReference.CreateFromFile(path)),
            MetadataReference.CreateFromFile(typeof(RunContext).Assembly.Location)];
    });
}
