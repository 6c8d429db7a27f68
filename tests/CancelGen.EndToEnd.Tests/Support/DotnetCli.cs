using System.Diagnostics;
using System.Text;

namespace CancelGen.EndToEnd.Tests.Support;

/// <summary>
/// Runs the <c>dotnet</c> CLI as a child process with a timeout, capturing everything it prints.
/// A command that outlives its timeout is killed with its whole process tree and reported with its output so far.
/// </summary>
public static class DotnetCli
{
    /// <summary>
    /// Variables a test host inherits from <c>dotnet test</c> that would point a child build at the parent's
    /// MSBuild instead of its own.
    /// </summary>
    private static readonly string[] InheritedBuildVariables =
        ["MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBUILD_EXE_PATH", "MSBuildLoadMicrosoftTargetsReadOnly"];

    /// <summary>Runs <c>dotnet</c> with <paramref name="arguments"/> in <paramref name="workingDirectory"/>.</summary>
    /// <param name="workingDirectory">The folder the command runs in.</param>
    /// <param name="arguments">The arguments after <c>dotnet</c>, each passed as one argument.</param>
    /// <param name="timeout">How long the command may take before it is killed.</param>
    /// <param name="cancellationToken">Kills the command when cancelled.</param>
    /// <returns>The exit code and output; call <see cref="DotnetResult.EnsureSuccess"/> to require success.</returns>
    /// <exception cref="TimeoutException">The command ran longer than <paramref name="timeout"/>; the message carries its output.</exception>
    public static async Task<DotnetResult> RunAsync(
        string workingDirectory,
        IEnumerable<string> arguments,
        TimeSpan timeout,
        CancellationToken cancellationToken = default)
    {
        var startInfo = CreateStartInfo(workingDirectory, arguments);
        var commandLine = "dotnet " + string.Join(' ', startInfo.ArgumentList);
        var output = new StringBuilder();

        using var process = new Process { StartInfo = startInfo };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            cancellationToken.ThrowIfCancellationRequested();
            throw new TimeoutException(
                $"`{commandLine}` in {workingDirectory} did not finish within {timeout}; it was killed.{Environment.NewLine}{Snapshot(output)}");
        }

        // The parameterless wait drains the redirected streams after the process has exited.
        process.WaitForExit();
        return new DotnetResult(commandLine, workingDirectory, process.ExitCode, Snapshot(output));
    }

    /// <summary>
    /// The start info of a <c>dotnet</c> command with every standard stream redirected and without the build
    /// variables a test host inherits; also used to start long-running <c>dotnet</c> tools such as a language server.
    /// </summary>
    /// <param name="workingDirectory">The folder the command runs in.</param>
    /// <param name="arguments">The arguments after <c>dotnet</c>, each passed as one argument.</param>
    internal static ProcessStartInfo CreateStartInfo(string workingDirectory, IEnumerable<string> arguments)
    {
        var startInfo = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var name in InheritedBuildVariables)
        {
            startInfo.Environment.Remove(name);
        }

        // No build servers or reusable nodes outlive the command: a test run leaves no processes behind.
        startInfo.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        startInfo.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        startInfo.Environment["UseSharedCompilation"] = "false";
        startInfo.Environment["DOTNET_NOLOGO"] = "1";
        startInfo.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        return startInfo;
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static string Snapshot(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}
