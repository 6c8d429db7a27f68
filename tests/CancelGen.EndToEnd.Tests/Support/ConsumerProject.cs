namespace CancelGen.EndToEnd.Tests.Support;

/// <summary>
/// A copy of a consumer template in a temp folder, set up to restore CancelGen from the packed packages only
/// (see <see cref="PackedPackages.CreateConsumer"/>).
/// </summary>
public sealed class ConsumerProject
{
    internal ConsumerProject(string directory, string cancelGenVersion)
    {
        Directory = directory;
        CancelGenVersion = cancelGenVersion;
    }

    /// <summary>The consumer's folder; every command runs here.</summary>
    public string Directory { get; }

    /// <summary>The version of the packed CancelGen packages the consumer restores.</summary>
    public string CancelGenVersion { get; }

    /// <summary>The full path of a file in the consumer, given relative to its folder.</summary>
    /// <param name="relativePath">A path relative to <see cref="Directory"/>.</param>
    public string PathOf(string relativePath) => Path.Combine(Directory, relativePath);

    /// <summary>Runs <c>dotnet</c> with <paramref name="arguments"/> in the consumer's folder.</summary>
    /// <param name="timeout">How long the command may take before it is killed.</param>
    /// <param name="arguments">The arguments after <c>dotnet</c>.</param>
    /// <returns>The exit code and output; the caller decides whether failure is expected.</returns>
    public Task<DotnetResult> RunDotnetAsync(TimeSpan timeout, params string[] arguments) =>
        DotnetCli.RunAsync(Directory, arguments, timeout);
}
