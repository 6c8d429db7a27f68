using System.Diagnostics;

namespace CancelGen.Samples.Tests;

/// <summary>The sample as CI meets it: its own process, output redirected, no flags.</summary>
public class RedirectedProcessTests
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task With_output_redirected_and_no_flags_it_runs_the_scripted_demos_in_plain_text_and_exits_0()
    {
        var sample = typeof(AgentConsole.DemoTiming).Assembly.Location;
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(sample);
        start.Environment.Remove("CI"); // the redirection alone must select the scripted demos

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(HangGuard);

        var text = await output;
        Assert.True(process.ExitCode == 0, text + await errors);
        Assert.Equal(5, text.Split("\nOK: ").Length - 1);
        Assert.DoesNotContain('\u001b', text);
    }
}
