using System.Xml.Linq;

namespace CancelGen.EndToEnd.Tests.Support;

/// <summary>
/// Packs every packable project under the repository's <c>src</c> folder once per test run, into a temp feed,
/// and creates consumer projects that restore CancelGen from that feed the way a user's project would.
/// </summary>
/// <remarks>
/// <para>
/// Shared by every test class in the <see cref="CollectionName"/> collection (see <see cref="PackedPackagesCollection"/>).
/// The packages are built from the repository's sources with their build output in the temp folder, so the
/// repository's own <c>bin</c>/<c>obj</c> folders are never touched.
/// </para>
/// <para>
/// Consumers get a <c>nuget.config</c> that adds the temp feed without <c>&lt;clear/&gt;</c> (the usual package
/// source still serves everything else) and their own <c>globalPackagesFolder</c>, so a package packed again
/// with an unchanged version is never served stale from the user's package cache.
/// </para>
/// </remarks>
public sealed class PackedPackages : IAsyncLifetime
{
    /// <summary>The name of the xunit collection that shares this fixture.</summary>
    public const string CollectionName = "PackedPackages";

    /// <summary>The most a <c>dotnet pack</c> of every package may take on a busy two-core machine.</summary>
    public static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(10);

    /// <summary>Template files that fence a template off from the repository's build; each consumer gets its own instead.</summary>
    private static readonly string[] FenceFiles =
        ["nuget.config", "NuGet.Config", "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props"];

    private int _consumerCount;

    /// <summary>Finds the repository and picks a fresh temp folder; nothing is packed before <see cref="InitializeAsync"/>.</summary>
    public PackedPackages()
    {
        RepositoryRoot = RepositoryLayout.FindRoot(AppContext.BaseDirectory);
        WorkDirectory = Path.Combine(Path.GetTempPath(), "cancelgen-e2e", Guid.NewGuid().ToString("N"));
        FeedDirectory = Path.Combine(WorkDirectory, "feed");
        GlobalPackagesFolder = Path.Combine(WorkDirectory, "global-packages");
        Version = ReadCancelGenVersion(RepositoryRoot);
    }

    /// <summary>The repository root (the folder that holds <c>CancelGen.sln</c>).</summary>
    public string RepositoryRoot { get; }

    /// <summary>The temp folder that holds the feed, the build output, the package cache and every consumer.</summary>
    public string WorkDirectory { get; }

    /// <summary>The folder the <c>.nupkg</c> and <c>.snupkg</c> files are packed into: the consumers' local feed.</summary>
    public string FeedDirectory { get; }

    /// <summary>The <c>globalPackagesFolder</c> every consumer restores into (shared, so restores are paid once).</summary>
    public string GlobalPackagesFolder { get; }

    /// <summary>The version every package is packed with: <c>CancelGenVersion</c> from the root <c>Directory.Build.props</c>.</summary>
    public string Version { get; }

    /// <summary>The full paths of the packed <c>.nupkg</c> files (symbol packages excluded), in a stable order.</summary>
    public IReadOnlyList<string> Packages { get; private set; } = [];

    /// <summary>The output of the <c>dotnet pack</c> run, for tests that check what the build printed.</summary>
    public DotnetResult? PackResult { get; private set; }

    /// <summary>The full path of a file or folder in the repository, given relative to its root.</summary>
    /// <param name="relativePath">A path relative to <see cref="RepositoryRoot"/>, with <c>/</c> separators.</param>
    public string RepositoryPath(string relativePath) =>
        Path.Combine(RepositoryRoot, relativePath.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>The full path of the packed <c>.nupkg</c> with the given package ID.</summary>
    /// <param name="packageId">A package ID, such as <c>CancelGen</c>.</param>
    /// <exception cref="FileNotFoundException">No package with that ID was packed.</exception>
    public string PackagePath(string packageId)
    {
        var path = Path.Combine(FeedDirectory, $"{packageId}.{Version}.nupkg");
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException(
                $"No package {packageId} {Version} was packed; the feed holds: {string.Join(", ", Packages.Select(Path.GetFileName))}.", path);
    }

    /// <summary>
    /// Copies a consumer template into a new temp folder and sets it up to restore from the packed packages.
    /// </summary>
    /// <param name="templateDirectory">The template's folder (its <c>bin</c>/<c>obj</c> are skipped).</param>
    /// <returns>The consumer, ready for <c>dotnet build</c> or <c>dotnet run</c>.</returns>
    /// <remarks>
    /// The template's own <c>nuget.config</c>, <c>Directory.Build.props</c>, <c>Directory.Build.targets</c> and
    /// <c>Directory.Packages.props</c> exist to fence it off from the repository and are not copied. The consumer
    /// gets a <c>nuget.config</c> (the feed plus its own package cache) and a <c>Directory.Build.props</c> that sets
    /// the MSBuild property <c>CancelGenVersion</c>, so a template references
    /// <c>&lt;PackageReference Include="CancelGen" Version="$(CancelGenVersion)" /&gt;</c>; a template's project file
    /// sets everything else itself.
    /// </remarks>
    /// <exception cref="DirectoryNotFoundException">The template folder does not exist.</exception>
    public ConsumerProject CreateConsumer(string templateDirectory)
    {
        var template = new DirectoryInfo(templateDirectory);
        if (!template.Exists)
        {
            throw new DirectoryNotFoundException($"The consumer template {templateDirectory} does not exist.");
        }

        var number = Interlocked.Increment(ref _consumerCount);
        var directory = Path.Combine(WorkDirectory, "consumers", $"{number:D2}-{template.Name}");
        CopyTemplate(template, directory);
        File.WriteAllText(Path.Combine(directory, "nuget.config"), NuGetConfig());
        File.WriteAllText(Path.Combine(directory, "Directory.Build.props"), VersionProps());
        return new ConsumerProject(directory, Version);
    }

    /// <summary>Packs every packable project under <c>src</c> into <see cref="FeedDirectory"/>.</summary>
    /// <exception cref="DotnetCommandFailedException">The pack failed; the message carries its output.</exception>
    /// <exception cref="InvalidOperationException">The pack succeeded but produced no package.</exception>
    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(FeedDirectory);
        var solution = WriteSourceSolution();
        PackResult = (await DotnetCli.RunAsync(
            WorkDirectory,
            [
                "pack", solution, "-c", "Release", "-o", FeedDirectory,
                "-p:UseArtifactsOutput=true", $"-p:ArtifactsPath={Path.Combine(WorkDirectory, "build")}",
            ],
            PackTimeout)).EnsureSuccess();

        Packages = Directory.EnumerateFiles(FeedDirectory, "*.nupkg").Order(StringComparer.Ordinal).ToArray();
        if (Packages.Count == 0)
        {
            throw new InvalidOperationException($"`dotnet pack` produced no package.{Environment.NewLine}{PackResult.Output}");
        }
    }

    /// <summary>Deletes the temp folder with the feed, the package cache and every consumer.</summary>
    public Task DisposeAsync()
    {
        if (Directory.Exists(WorkDirectory))
        {
            Directory.Delete(WorkDirectory, recursive: true);
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// Writes a solution of every project under <c>src</c>; <c>dotnet pack</c> on it packs the packable ones and
    /// builds the rest (the generator and analyzers) that the packages carry.
    /// </summary>
    private string WriteSourceSolution()
    {
        var solution = new XElement(
            "Solution",
            RepositoryLayout.SourceProjects(RepositoryRoot).Select(path => new XElement("Project", new XAttribute("Path", path))));
        var path = Path.Combine(WorkDirectory, "packages.slnx");
        solution.Save(path);
        return path;
    }

    private string NuGetConfig() =>
        new XDocument(
            new XComment(" Written by the end-to-end tests: the packed packages as a source beside the usual one (no <clear/>), and a package cache of its own. "),
            new XElement(
                "configuration",
                new XElement("packageSources", new XElement("add", new XAttribute("key", "cancelgen-packed"), new XAttribute("value", FeedDirectory))),
                new XElement("config", new XElement("add", new XAttribute("key", "globalPackagesFolder"), new XAttribute("value", GlobalPackagesFolder)))))
            .ToString();

    private string VersionProps() =>
        new XElement(
            "Project",
            new XComment(" Written by the end-to-end tests: the version of the packed CancelGen packages. "),
            new XElement("PropertyGroup", new XElement("CancelGenVersion", Version)))
            .ToString();

    private static void CopyTemplate(DirectoryInfo template, string destination)
    {
        Directory.CreateDirectory(destination);
        foreach (var file in template.EnumerateFiles())
        {
            if (!FenceFiles.Contains(file.Name, StringComparer.Ordinal))
            {
                file.CopyTo(Path.Combine(destination, file.Name));
            }
        }

        foreach (var folder in template.EnumerateDirectories())
        {
            if (folder.Name is not ("bin" or "obj"))
            {
                CopyFolder(folder, Path.Combine(destination, folder.Name));
            }
        }
    }

    private static void CopyFolder(DirectoryInfo source, string destination)
    {
        Directory.CreateDirectory(destination);
        foreach (var file in source.EnumerateFiles())
        {
            file.CopyTo(Path.Combine(destination, file.Name));
        }

        foreach (var folder in source.EnumerateDirectories())
        {
            CopyFolder(folder, Path.Combine(destination, folder.Name));
        }
    }

    private static string ReadCancelGenVersion(string repositoryRoot)
    {
        var props = Path.Combine(repositoryRoot, "Directory.Build.props");
        var version = XDocument.Load(props).Descendants("CancelGenVersion").Select(element => element.Value.Trim()).FirstOrDefault();
        return string.IsNullOrEmpty(version)
            ? throw new InvalidOperationException($"{props} sets no CancelGenVersion; the packages' version is read from there.")
            : version;
    }
}
