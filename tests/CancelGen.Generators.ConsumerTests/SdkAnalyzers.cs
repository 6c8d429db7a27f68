using System.Collections.Immutable;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CancelGen.Generators.ConsumerTests;

/// <summary>
/// The .NET SDK's code analysis (Microsoft.CodeAnalysis.NetAnalyzers, the CA rules) as <c>AnalysisLevel=latest-all</c>
/// turns it on in a consumer: the analyzer assemblies and the rule severities of the SDK's
/// <c>analysislevel_&lt;latest&gt;_all.globalconfig</c>, loaded from the SDK this test runs under.
/// </summary>
internal static partial class SdkAnalyzers
{
    private static readonly Lazy<(string Folder, ImmutableArray<DiagnosticAnalyzer> Analyzers, ImmutableDictionary<string, ReportDiagnostic> Severities, string ConfigName)> Loaded = new(Load);

    /// <summary>Every C# CA analyzer of the SDK.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> Analyzers => Loaded.Value.Analyzers;

    /// <summary>The rule severities of <c>latest-all</c>: every CA rule of the latest analysis level, mostly as warnings.</summary>
    public static ImmutableDictionary<string, ReportDiagnostic> LatestAllSeverities => Loaded.Value.Severities;

    /// <summary>Where the analyzers come from and which global config gave the severities, for the test output.</summary>
    public static string Description => $"{Loaded.Value.Folder} ({Loaded.Value.ConfigName}, {Analyzers.Length} analyzers, {LatestAllSeverities.Count} rule severities)";

    private static (string, ImmutableArray<DiagnosticAnalyzer>, ImmutableDictionary<string, ReportDiagnostic>, string) Load()
    {
        // <dotnet root>/shared/Microsoft.NETCore.App/<version>/ -> <dotnet root>/sdk/<newest>/Sdks/Microsoft.NET.Sdk/analyzers
        var dotnetRoot = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", ".."));
        var folder = Directory.EnumerateDirectories(Path.Combine(dotnetRoot, "sdk"))
            .Select(static sdk => Path.Combine(sdk, "Sdks", "Microsoft.NET.Sdk", "analyzers"))
            .Where(static analyzers => File.Exists(Path.Combine(analyzers, "Microsoft.CodeAnalysis.CSharp.NetAnalyzers.dll")))
            .OrderByDescending(static analyzers => Version.TryParse(VersionOf(analyzers), out var v) ? v : new Version())
            .FirstOrDefault()
            ?? throw new InvalidOperationException($"No .NET SDK with NetAnalyzers under '{dotnetRoot}/sdk'.");

        var analyzers = new[] { "Microsoft.CodeAnalysis.NetAnalyzers.dll", "Microsoft.CodeAnalysis.CSharp.NetAnalyzers.dll" }
            .Select(name => Assembly.LoadFrom(Path.Combine(folder, name)))
            .SelectMany(LoadableTypes)
            .Where(static type => !type.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(type)
                && type.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is { } attribute && attribute.Languages.Contains(LanguageNames.CSharp))
            .Select(static type => (DiagnosticAnalyzer)Activator.CreateInstance(type)!)
            .ToImmutableArray();

        // The highest analysis level the SDK knows, in its "all" mode: what latest-all means.
        var config = Directory.EnumerateFiles(Path.Combine(folder, "build", "config"), "analysislevel_*_all.globalconfig")
            .Select(static path => (Path: path, Level: LevelOf().Match(Path.GetFileName(path))))
            .Where(static c => c.Level.Success)
            .OrderByDescending(static c => int.Parse(c.Level.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))
            .Select(static c => c.Path)
            .First();
        var severities = SeverityLine().Matches(File.ReadAllText(config))
            .ToImmutableDictionary(static m => m.Groups[1].Value, static m => ToReport(m.Groups[2].Value), StringComparer.Ordinal);
        return (folder, analyzers, severities, Path.GetFileName(config));
    }

    /// <summary>
    /// The types of <paramref name="assembly"/> that load: the code fixes in the same assemblies need
    /// Microsoft.CodeAnalysis.Workspaces, which a compiler host (like this test) does not carry; the analyzers do not.
    /// </summary>
    private static IEnumerable<Type> LoadableTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException partial)
        {
            return partial.Types.OfType<Type>();
        }
    }

    private static string VersionOf(string analyzersFolder) =>
        Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(analyzersFolder)))!)!;

    private static ReportDiagnostic ToReport(string severity) => severity switch
    {
        "error" => ReportDiagnostic.Error,
        "warning" => ReportDiagnostic.Warn,
        "suggestion" => ReportDiagnostic.Info,
        "silent" => ReportDiagnostic.Hidden,
        "none" => ReportDiagnostic.Suppress,
        _ => ReportDiagnostic.Default,
    };

    [GeneratedRegex(@"^analysislevel_(\d+)_all\.globalconfig$")]
    private static partial Regex LevelOf();

    [GeneratedRegex(@"^dotnet_diagnostic\.(\w+)\.severity\s*=\s*(\w+)", RegexOptions.Multiline)]
    private static partial Regex SeverityLine();
}
