using System.Globalization;
using System.Text;
using CancelGen.Synthetic.Sources;

namespace CancelGen.Synthetic.Projects;

/// <summary>
/// Writes a synthetic consumer project to a folder (by default under the repository's ignored
/// <c>artifacts/synthetic/</c>). The project references CancelGen the way a user of the repository does
/// (<c>ProjectReference</c> to the runtime, and to the generator/analyzers with <c>OutputItemType="Analyzer"</c>) and
/// the peers by <c>PackageReference</c>. The folder above it gets empty <c>Directory.Build.*</c> files, a
/// <c>Directory.Packages.props</c> without central versions and a root <c>.editorconfig</c>, so none of the
/// repository's own build settings reach the consumer.
/// </summary>
public static class ProjectWriter
{
    /// <summary>The project file's name inside the project folder.</summary>
    public const string ProjectFileName = "Synthetic.csproj";

    /// <summary>The default folder for <paramref name="kind"/> and <paramref name="shape"/> under <paramref name="repositoryRoot"/>.</summary>
    /// <param name="repositoryRoot">The CancelGen repository.</param>
    /// <param name="kind">Which project.</param>
    /// <param name="shape">Its size.</param>
    /// <returns>A path such as <c>artifacts/synthetic/generators-100x4</c>.</returns>
    public static string DefaultFolder(string repositoryRoot, SyntheticProjectKind kind, SyntheticShape shape) =>
        Path.Combine(repositoryRoot, "artifacts", "synthetic", string.Create(CultureInfo.InvariantCulture, $"{kind.ToString().ToLowerInvariant()}-{shape.Files}x{shape.PerFile}"));

    /// <summary>Writes (or rewrites) the project; the folder's old sources are deleted first.</summary>
    /// <param name="repositoryRoot">The CancelGen repository the project references.</param>
    /// <param name="kind">Which project.</param>
    /// <param name="shape">Its size.</param>
    /// <param name="folder">The project folder.</param>
    /// <returns>The path of the written project file.</returns>
    public static string Write(string repositoryRoot, SyntheticProjectKind kind, SyntheticShape shape, string folder)
    {
        var files = kind switch
        {
            SyntheticProjectKind.Generators => [.. StreamingRunSources.Build(shape), .. LoggerMessageSources.Build(shape)],
            SyntheticProjectKind.Loops => AwaitForeachLoopSources.Build(shape),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown synthetic project kind."),
        };

        folder = Path.GetFullPath(folder);
        Directory.CreateDirectory(folder);
        foreach (var sources in new[] { "Agents", "Logging", "Loops" })
        {
            var old = Path.Combine(folder, sources);
            if (Directory.Exists(old))
            {
                Directory.Delete(old, recursive: true);
            }
        }

        var isolation = Directory.GetParent(folder)!.FullName;
        WriteIfChanged(Path.Combine(isolation, "Directory.Build.props"), "<Project />\n");
        WriteIfChanged(Path.Combine(isolation, "Directory.Build.targets"), "<Project />\n");
        WriteIfChanged(Path.Combine(isolation, "Directory.Packages.props"), "<Project>\n  <PropertyGroup>\n    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>\n  </PropertyGroup>\n</Project>\n");
        WriteIfChanged(Path.Combine(isolation, ".editorconfig"), "root = true\n");

        foreach (var file in files)
        {
            var path = Path.Combine(folder, file.Path);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, file.Text);
        }

        WriteIfChanged(Path.Combine(folder, "synthetic.globalconfig"), AnalyzerRuleConfig.GlobalConfig());
        var project = Path.Combine(folder, ProjectFileName);
        WriteIfChanged(project, ProjectFile(repositoryRoot, kind));
        return project;
    }

    private static string ProjectFile(string repositoryRoot, SyntheticProjectKind kind)
    {
        var src = Path.Combine(repositoryRoot, "src");
        var items = new StringBuilder();
        items.Append(CultureInfo.InvariantCulture, $"    <ProjectReference Include=\"{Path.Combine(src, "Runtime", "CancelGen.csproj")}\" />\n");
        items.Append(CultureInfo.InvariantCulture, $"    <ProjectReference Include=\"{Path.Combine(src, "Generators", "CancelGen.Generators.csproj")}\" OutputItemType=\"Analyzer\" ReferenceOutputAssembly=\"false\" />\n");
        if (kind == SyntheticProjectKind.Generators)
        {
            items.Append(CultureInfo.InvariantCulture, $"    <PackageReference Include=\"{PeerPackages.LoggingAbstractions}\" Version=\"{PeerPackages.LoggingAbstractionsVersion}\" />\n");
        }
        else
        {
            items.Append(CultureInfo.InvariantCulture, $"    <ProjectReference Include=\"{Path.Combine(src, "Analyzers", "CancelGen.Analyzers.csproj")}\" OutputItemType=\"Analyzer\" ReferenceOutputAssembly=\"false\" />\n");
            items.Append(CultureInfo.InvariantCulture, $"    <PackageReference Include=\"{PeerPackages.Meziantou}\" Version=\"{PeerPackages.MeziantouVersion}\" PrivateAssets=\"all\" />\n");
        }

        return $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <!-- Written by benchmarks/CancelGen.Synthetic ({kind}); do not edit: it is rewritten on every run. -->
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>disable</ImplicitUsings>
                <!-- Only the generators and analyzers being compared run: the SDK's own code analysis is off. -->
                <EnableNETAnalyzers>false</EnableNETAnalyzers>
                <!-- The loop project's findings are the point; they must not fail the build. -->
                <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
              </PropertyGroup>
              <ItemGroup>
                <GlobalAnalyzerConfigFiles Include="synthetic.globalconfig" />
              </ItemGroup>
              <ItemGroup>
            {items}  </ItemGroup>
            </Project>

            """;
    }

    private static void WriteIfChanged(string path, string text)
    {
        if (!File.Exists(path) || File.ReadAllText(path) != text)
        {
            File.WriteAllText(path, text);
        }
    }
}
