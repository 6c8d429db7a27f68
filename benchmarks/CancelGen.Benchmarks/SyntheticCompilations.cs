using System.Collections.Immutable;
using CancelGen.Synthetic.Sources;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CancelGen.Benchmarks;

/// <summary>
/// The synthetic projects of benchmarks/CancelGen.Synthetic as in-process compilations: the same sources, parsed
/// once; the references are the shared framework this process runs on, <c>CancelGen.dll</c> and
/// <c>Microsoft.Extensions.Logging.Abstractions.dll</c>. Every call makes a fresh compilation (nothing bound yet).
/// </summary>
internal static class SyntheticCompilations
{
    public static readonly CSharpParseOptions ParseOptions = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest);

    private static readonly Lazy<ImmutableArray<MetadataReference>> LazyReferences = new(LoadReferences);

    public static ImmutableArray<MetadataReference> References => LazyReferences.Value;

    public static ImmutableArray<SyntaxTree> Parse(IEnumerable<SyntheticFile> files) =>
        [.. files.Select(f => CSharpSyntaxTree.ParseText(f.Text, ParseOptions, f.Path))];

    public static CSharpCompilation Create(ImmutableArray<SyntaxTree> trees, ImmutableDictionary<string, ReportDiagnostic>? ruleOptions = null) =>
        CSharpCompilation.Create(
            "Synthetic",
            trees,
            References,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                concurrentBuild: false,
                specificDiagnosticOptions: ruleOptions));

    public static Compilation ThrowOnErrors(Compilation compilation, string what)
    {
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException($"The {what} does not compile ({errors.Count} errors):\n" + string.Join('\n', errors.Take(20)));
        }

        return compilation;
    }

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        var frameworkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var trusted = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        return [.. trusted
            .Where(path => string.Equals(Path.GetDirectoryName(path), frameworkDirectory, StringComparison.Ordinal))
            .Where(path => path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            .Append(typeof(RunContext).Assembly.Location)
            .Append(PeerAssemblies.LoggingAbstractionsPath)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))];
    }
}
