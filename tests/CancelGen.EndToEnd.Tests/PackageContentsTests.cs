using System.IO.Compression;
using System.Xml.Linq;
using CancelGen.EndToEnd.Tests.Support;

namespace CancelGen.EndToEnd.Tests;

/// <summary>What the packed CancelGen package holds and declares, read from the <c>.nupkg</c> itself.</summary>
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
        Assert.True(File.Exists(Path.ChangeExtension(packages.PackagePath("CancelGen"), ".snupkg")), "no symbol package beside CancelGen");
    }

    [Fact]
    public void CancelGen_package_declares_license_readme_repository_and_no_Roslyn_or_PolySharp_dependency()
    {
        var metadata = ReadNuspecMetadata("CancelGen");
        XNamespace ns = metadata.Name.Namespace;

        Assert.Equal("MIT", metadata.Element(ns + "license")?.Value);
        Assert.Equal("README.md", metadata.Element(ns + "readme")?.Value);
        Assert.Equal(packages.Version, metadata.Element(ns + "version")?.Value);
        Assert.StartsWith("https://github.com/", metadata.Element(ns + "repository")?.Attribute("url")?.Value, StringComparison.Ordinal);
        var dependencies = metadata.Descendants(ns + "dependency").Select(dependency => (string)dependency.Attribute("id")!).ToArray();
        Assert.DoesNotContain(dependencies, id => id.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal) || id == "PolySharp" || id.StartsWith("CancelGen.", StringComparison.Ordinal));
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
