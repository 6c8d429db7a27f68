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
    public void Extensions_AI_package_carries_its_adapters_for_both_targets_and_depends_on_CancelGen_of_the_same_version_with_its_analyzers()
    {
        using (var package = ZipFile.OpenRead(packages.PackagePath("CancelGen.Extensions.AI")))
        {
            var entries = package.Entries.Select(entry => entry.FullName).ToHashSet(StringComparer.Ordinal);
            Assert.Subset(
                entries,
                new HashSet<string>(StringComparer.Ordinal)
                {
                    "lib/netstandard2.0/CancelGen.Extensions.AI.dll", "lib/netstandard2.0/CancelGen.Extensions.AI.xml",
                    "lib/net8.0/CancelGen.Extensions.AI.dll", "lib/net8.0/CancelGen.Extensions.AI.xml",
                    "README.md",
                });
            Assert.DoesNotContain(entries, entry => entry.StartsWith("analyzers/", StringComparison.Ordinal) || entry.EndsWith("/CancelGen.dll", StringComparison.Ordinal));
        }

        var metadata = ReadNuspecMetadata("CancelGen.Extensions.AI");
        XNamespace ns = metadata.Name.Namespace;
        var dependencies = metadata.Descendants(ns + "dependency")
            .Select(dependency => ((string)dependency.Attribute("id")!, (string)dependency.Attribute("version")!))
            .Distinct()
            .ToArray();
        Assert.Contains(("CancelGen", packages.Version), dependencies);

        // The dependency on CancelGen must not exclude its analyzers: the adapter package alone brings the generator and rules.
        Assert.All(
            metadata.Descendants(ns + "dependency").Where(dependency => (string?)dependency.Attribute("id") == "CancelGen"),
            dependency => Assert.Null(dependency.Attribute("exclude")));
        Assert.Contains(dependencies, dependency => dependency.Item1 == "Microsoft.Extensions.AI");
        Assert.Contains(dependencies, dependency => dependency.Item1 == "Microsoft.Agents.AI");
        Assert.DoesNotContain(dependencies, dependency => dependency.Item1.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal));
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
