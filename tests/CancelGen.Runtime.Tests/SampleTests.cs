using AgentConsole.Agent;

namespace CancelGen.Runtime.Tests;

/// <summary>The README's first command: the console sample runs its three demos and each shows what it should.</summary>
[Collection(ConsoleCollection.Name)]
public class SampleTests
{
    [Fact]
    public async Task AgentConsole_runs_its_full_after_turn_and_immediate_demos_successfully()
    {
        var entryPoint = typeof(WeatherAgent).Assembly.EntryPoint!;
        var original = Console.Out;
        using var captured = new StringWriter();
        Console.SetOut(captured);
        int exitCode;
        try
        {
            // The entry point is the compiler's synchronous Main around the async top-level code.
            exitCode = await Task.Run(() => (int)entryPoint.Invoke(null, [new[] { "--fast" }])!).Bounded();
        }
        finally
        {
            Console.SetOut(original);
        }

        var output = captured.ToString();
        Assert.True(exitCode == 0, output);
        Assert.Equal(3, output.Split("OK: ").Length - 1);
        Assert.DoesNotContain("UNEXPECTED", output, StringComparison.Ordinal);
    }
}

/// <summary>Tests that redirect the process-wide console run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConsoleCollection
{
    public const string Name = "Console";
}
