using System.Collections.Immutable;
using CancelGen.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CancelGen.Generators.Tests.Support;

/// <summary>Builds compilations against the running .NET's assemblies plus the CancelGen runtime, and runs the generator on them.</summary>
internal static class GeneratorHarness
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.Diagnose);

    private static readonly Lazy<ImmutableArray<MetadataReference>> LazyReferences = new(LoadReferences);

    public static ImmutableArray<MetadataReference> References => LazyReferences.Value;

    public static CSharpCompilation CreateCompilation(params string[] sources) =>
        CreateCompilation(ParseOptions, sources);

    public static CSharpCompilation CreateCompilation(CSharpParseOptions parseOptions, params string[] sources) =>
        CreateCompilation(sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, parseOptions, path: $"Input{i}.cs")));

    public static CSharpCompilation CreateCompilation(IEnumerable<SyntaxTree> trees) =>
        CSharpCompilation.Create(
            "GeneratorInput",
            trees,
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, warningLevel: 9999));

    public static GeneratorDriver CreateDriver(CSharpParseOptions? parseOptions = null) =>
        CSharpGeneratorDriver.Create(
            [new StreamingRunGenerator().AsSourceGenerator()],
            parseOptions: parseOptions ?? ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Runs the generator once over <paramref name="compilation"/>.</summary>
    public static GeneratorRunOutcome Run(Compilation compilation, CSharpParseOptions? parseOptions = null)
    {
        var driver = CreateDriver(parseOptions).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var driverDiagnostics);
        return new GeneratorRunOutcome(driver, driver.GetRunResult(), output, driverDiagnostics);
    }

    public static GeneratorRunOutcome Run(params string[] sources) => Run(CreateCompilation(sources));

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        var frameworkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var framework = Directory.GetFiles(frameworkDirectory, "*.dll")
            .Where(static f => IsManaged(f))
            .Select(static f => (MetadataReference)MetadataReference.CreateFromFile(f));
        return [.. framework, MetadataReference.CreateFromFile(typeof(RunResultStreaming).Assembly.Location)];
    }

    private static bool IsManaged(string path)
    {
        try
        {
            _ = System.Reflection.AssemblyName.GetAssemblyName(path);
            return true;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }
}

/// <summary>What one generator run gave.</summary>
internal sealed record GeneratorRunOutcome(
    GeneratorDriver Driver,
    GeneratorDriverRunResult RunResult,
    Compilation OutputCompilation,
    ImmutableArray<Diagnostic> DriverDiagnostics)
{
    public GeneratorRunResult Result => RunResult.Results.Single();

    /// <summary>The generator's own diagnostics (CG1xxx) and any driver diagnostic such as CS8785.</summary>
    public ImmutableArray<Diagnostic> GeneratorDiagnostics => DriverDiagnostics;

    /// <summary>Every diagnostic of the updated compilation at warning or above (hidden and info ones are not failures).</summary>
    public ImmutableArray<Diagnostic> CompilationProblems =>
        [.. OutputCompilation.GetDiagnostics().Where(static d => d.Severity >= DiagnosticSeverity.Warning)];

    public ImmutableArray<GeneratedSourceResult> Sources => Result.GeneratedSources;
}
