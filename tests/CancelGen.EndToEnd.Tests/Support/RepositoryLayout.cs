namespace CancelGen.EndToEnd.Tests.Support;

/// <summary>Finds the repository the tests run from, so they build from its sources (also in a fresh clone).</summary>
public static class RepositoryLayout
{
    /// <summary>The solution file that marks the repository root.</summary>
    public const string SolutionFileName = "CancelGen.sln";

    /// <summary>
    /// The nearest folder at or above <paramref name="start"/> that holds <see cref="SolutionFileName"/>.
    /// </summary>
    /// <param name="start">Where to start looking; usually the test assembly's folder.</param>
    /// <exception cref="DirectoryNotFoundException">No folder above <paramref name="start"/> holds the solution.</exception>
    public static string FindRoot(string start)
    {
        for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, SolutionFileName)))
            {
                return folder.FullName;
            }
        }

        throw new DirectoryNotFoundException(
            $"No folder at or above {start} holds {SolutionFileName}; the end-to-end tests must run from inside the repository.");
    }

    /// <summary>Every project file under the repository's <c>src</c> folder, in a stable order.</summary>
    /// <param name="repositoryRoot">The repository root.</param>
    public static IReadOnlyList<string> SourceProjects(string repositoryRoot) =>
        Directory.EnumerateFiles(Path.Combine(repositoryRoot, "src"), "*.csproj", SearchOption.AllDirectories)
            .Where(path => !IsBuildOutput(path))
            .Order(StringComparer.Ordinal)
            .ToArray();

    private static bool IsBuildOutput(string path) =>
        path.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj");
}
