namespace CancelGen.Samples.Tests;

/// <summary>
/// The README's first command, run once for the tests that read its output: the sample's entry point
/// with <c>--fast</c> and the console redirected to a string, as in CI.
/// </summary>
public sealed class SampleRun : IAsyncLifetime
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(60);

    /// <summary>What the sample wrote.</summary>
    public string Output { get; private set; } = "";

    /// <summary>The sample's exit code.</summary>
    public int ExitCode { get; private set; }

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        var entryPoint = typeof(AgentConsole.DemoTiming).Assembly.EntryPoint!;
        var original = Console.Out;
        using var captured = new StringWriter();
        Console.SetOut(captured);
        try
        {
            // The entry point is the compiler's synchronous Main around the async top-level code.
            ExitCode = await Task.Run(() => (int)entryPoint.Invoke(null, [new[] { "--fast" }])!).WaitAsync(HangGuard);
        }
        finally
        {
            Console.SetOut(original);
        }

        Output = captured.ToString();
    }

    /// <inheritdoc />
    public Task DisposeAsync() => Task.CompletedTask;
}
