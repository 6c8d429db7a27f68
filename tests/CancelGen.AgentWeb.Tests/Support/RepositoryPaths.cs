namespace CancelGen.AgentWeb.Tests.Support;

/// <summary>Finds folders of the repository from the test's output folder.</summary>
internal static class RepositoryPaths
{
    /// <summary>The folder holding <c>CancelGen.sln</c>.</summary>
    public static string Root
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "CancelGen.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException($"No CancelGen.sln above {AppContext.BaseDirectory}.");
        }
    }

    /// <summary>The sample's project folder (its <c>wwwroot</c> is served from there).</summary>
    public static string AgentWeb => Path.Combine(Root, "samples", "AgentWeb");
}
