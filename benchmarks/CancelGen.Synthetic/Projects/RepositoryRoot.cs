namespace CancelGen.Synthetic.Projects;

/// <summary>Finds the CancelGen repository the synthetic projects reference.</summary>
public static class RepositoryRoot
{
    /// <summary>The nearest folder holding <c>CancelGen.sln</c>, from the current directory, then from this program's folder.</summary>
    /// <returns>The repository's root folder.</returns>
    public static string Find()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "CancelGen.sln")))
                {
                    return folder.FullName;
                }
            }
        }

        throw new InvalidOperationException(
            $"CancelGen.sln was not found above '{Directory.GetCurrentDirectory()}' or '{AppContext.BaseDirectory}': run from inside the repository.");
    }
}
