using System.IO.Compression;
using System.Xml.Linq;
using CancelGen.EndToEnd.Tests.Support;

namespace CancelGen.EndToEnd.Tests;

/// <summary>What the packed packages hold and declare, read from the <c>.nupkg</c> files themselves.</summary>
[Collection(PackedPackages.CollectionName)]
public sealed class PackageContentsTests(PackedPackages packages)
{
    [Fact]
    public void CancelGen_package_carries_the_runtime_for_both_targets_and_the_generator_analyzers_and_fixes()
    {
        using var package = ZipFile.OpenRead(packages.PackagePath("CancelGen"));
        var entries = package.Entries.Select(entry => entry.FullName).ToHashSet(StringComparer.Ordinal);

        Assert.Subset(
            entries,
            new HashSet<string>(StringComparer.Ordinal)
            {
                "lib/netstandard2.0/CancelGen.dll", "lib/netstandard2.0/CancelGen.xml",
                "lib/net8.0/CancelGen.dll", "lib/net8.0/CancelGen.xml",
                "analyzers/dotnet/cs/CancelGen.Generators.dll",
                "analyzers/dotnet/cs/CancelGen.Analyzers.dll",
                "analyzers/dotnet/cs/CancelGen.Analyzers.CodeFixes.dll",
                "README.md",
            });
    }

    [Fact]
    public void CancelGen_package_points_at_GitHub_and_has_no_Roslyn_PolySharp_or_analyzer_project_dependency()
    {
        var metadata = ReadNuspecMetadata("CancelGen");
        XNamespace ns = metadata.Name.Namespace;

        Assert.StartsWith("https://github.com/", metadata.Element(ns + "repository")?.Attribute("url")?.Value, StringComparison.Ordinal);
        var dependencies = metadata.Descendants(ns + "dependency").Select(dependency => (string)dependency.Attribute("id")!).ToArray();
        Assert.DoesNotContain(dependencies, id => id.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal) || id == "PolySharp" || id.StartsWith("CancelGen.", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_package_has_the_shared_version_license_readme_repository_and_a_symbol_package()
    {
        Assert.NotEmpty(packages.Packages);
        foreach (var path in packages.Packages)
        {
            var packageId = Path.GetFileNameWithoutExtension(path)[..^(packages.Version.Length + 1)];
            var metadata = ReadNuspecMetadata(packageId);
            XNamespace ns = metadata.Name.Namespace;

            Assert.Equal(packages.Version, metadata.Element(ns + "version")?.Value);
            Assert.Equal("MIT", metadata.Element(ns + "license")?.Value);
            Assert.Equal("README.md", metadata.Element(ns + "readme")?.Value);
            Assert.NotNull(metadata.Element(ns + "repository"));
            Assert.True(File.Exists(Path.ChangeExtension(path, ".snupkg")), $"no symbol package beside {path}");
        }
    }

    private XElement ReadNuspecMetadata(string packageId)
    {
        using var package = ZipFile.OpenRead(packages.PackagePath(packageId));
        var nuspec = package.GetEntry($"{packageId}.nuspec")
            ?? throw new InvalidDataException($"{packageId}.nupkg holds no {packageId}.nuspec.");
        using var stream = nuspec.Open();
        var root = XDocument.Load(stream).Root!;
        return root.Element(root.Name.Namespace + "metadata")!;
    }
}
