using CancelGen.EndToEnd.Tests.Support;

namespace CancelGen.EndToEnd.Tests.Editor;

/// <summary>
/// The csharp-ls language server, a local dotnet tool pinned in the repository's <c>.config/dotnet-tools.json</c>:
/// restored with <c>dotnet tool restore</c> and started with <c>dotnet tool run csharp-ls</c> from the repository,
/// so a fresh clone needs nothing installed by hand.
/// </summary>
public static class CSharpLanguageServerTool
{
    /// <summary>The tool's command name in the manifest.</summary>
    public const string CommandName = "csharp-ls";

    /// <summary>How long <c>dotnet tool restore</c> may take (a download on a fresh machine).</summary>
    public static readonly TimeSpan RestoreTimeout = TimeSpan.FromMinutes(3);

    /// <summary>Restores the repository's local tools, csharp-ls among them.</summary>
    /// <param name="repositoryRoot">The folder that holds <c>.config/dotnet-tools.json</c>.</param>
    /// <exception cref="DotnetCommandFailedException">The restore failed; the message carries its output.</exception>
    public static async Task RestoreAsync(string repositoryRoot) =>
        (await DotnetCli.RunAsync(repositoryRoot, ["tool", "restore"], RestoreTimeout)).EnsureSuccess();

    /// <summary>
    /// Starts csharp-ls over standard input and output. It runs from the repository (where the tool manifest is);
    /// the folder it loads is the workspace folder given in <c>initialize</c>.
    /// </summary>
    /// <param name="repositoryRoot">The folder that holds the tool manifest.</param>
    /// <param name="wireLogPath">Where the server writes every message it reads and writes (<c>--rpclog</c>).</param>
    public static LanguageServerProcess Start(string repositoryRoot, string wireLogPath)
    {
        var startInfo = DotnetCli.CreateStartInfo(
            repositoryRoot,
            ["tool", "run", CommandName, "--", "--loglevel", "info", "--rpclog", wireLogPath]);
        return LanguageServerProcess.Start(startInfo, wireLogPath);
    }
}
