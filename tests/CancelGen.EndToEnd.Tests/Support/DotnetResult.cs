namespace CancelGen.EndToEnd.Tests.Support;

/// <summary>What one finished <c>dotnet</c> command left behind: its exit code and everything it printed.</summary>
/// <param name="CommandLine">The command as run, for messages.</param>
/// <param name="WorkingDirectory">The folder the command ran in.</param>
/// <param name="ExitCode">The process exit code.</param>
/// <param name="Output">Standard output followed by standard error.</param>
public sealed record DotnetResult(string CommandLine, string WorkingDirectory, int ExitCode, string Output)
{
    /// <summary>True when the command exited with code 0.</summary>
    public bool Succeeded => ExitCode == 0;

    /// <summary>Returns this result when the command succeeded; otherwise throws with the whole output.</summary>
    /// <exception cref="DotnetCommandFailedException">The command exited with a non-zero code.</exception>
    public DotnetResult EnsureSuccess() =>
        Succeeded ? this : throw new DotnetCommandFailedException(this);

    /// <summary>The command line, folder, exit code and output, for a failure message.</summary>
    public string Describe() =>
        $"`{CommandLine}` in {WorkingDirectory} exited with {ExitCode}.{Environment.NewLine}{Output}";
}
