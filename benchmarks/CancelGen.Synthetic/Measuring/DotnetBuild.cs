using System.Diagnostics;
using System.Text;

namespace CancelGen.Synthetic.Measuring;

/// <summary>Runs <c>dotnet</c> and returns what it printed; a non-zero exit is an exception carrying the output's end.</summary>
internal static class DotnetBuild
{
    public static async Task<string> RunAsync(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // A build that prints in English whatever the machine's culture, so the tables parse.
        start.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        start.Environment["DOTNET_NOLOGO"] = "1";

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start 'dotnet'.");
        var output = new StringBuilder();
        var stdout = PumpAsync(process.StandardOutput, output);
        var stderr = PumpAsync(process.StandardError, output);
        await process.WaitForExitAsync().ConfigureAwait(false);
        await Task.WhenAll(stdout, stderr).ConfigureAwait(false);
        var text = output.ToString();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"'dotnet {string.Join(' ', arguments)}' in {workingDirectory} exited with {process.ExitCode}:{Environment.NewLine}{text[Math.Max(0, text.Length - 4000)..]}");
        }

        return text;
    }

    private static async Task PumpAsync(StreamReader reader, StringBuilder output)
    {
        while (await reader.ReadLineAsync().ConfigureAwait(false) is { } line)
        {
            lock (output)
            {
                output.Append(line).Append('\n');
            }
        }
    }
}
