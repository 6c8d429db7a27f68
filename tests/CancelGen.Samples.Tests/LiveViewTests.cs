using AgentConsole;
using AgentConsole.Agent;
using AgentConsole.Demos;
using AgentConsole.Model;
using AgentConsole.Output;
using AgentConsole.Tools;
using Spectre.Console.Testing;

namespace CancelGen.Samples.Tests;

/// <summary>The terminal path of the sample, drawn on Spectre's test console: the live table and the end report.</summary>
public class LiveViewTests
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(60);

    private static TestConsole Terminal() => new TestConsole().Width(140).Interactive();

    [Fact]
    public async Task Live_view_of_a_full_run_ends_with_every_tool_call_done_and_the_run_completed()
    {
        var console = Terminal();
        var stack = WeatherStack.Create(DemoTiming.Fast, TimeProvider.System);
        await using var run = stack.Agent.StartStreamingRun(WeatherScript.Question);
        using var keys = new CtrlCCanceller(run.Cancel);

        await new LiveRunView(console, TimeProvider.System).ShowAsync(run, keys).WaitAsync(HangGuard);

        var lastFrame = LastFrame(console.Output);
        Assert.Contains("Take the umbrella to Oslo; Paris stays dry.", lastFrame, StringComparison.Ordinal);
        Assert.Contains("turn 3 · Completed", lastFrame, StringComparison.Ordinal);
        Assert.Equal(3, CountOf(lastFrame, " done "));
        Assert.Contains("clearing up, 9°C", lastFrame, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pressing_CtrlC_twice_during_the_forecast_call_ends_the_view_with_the_run_cancelled_in_turn_2()
    {
        var console = Terminal();
        var stack = WeatherStack.Create(DemoTiming.Fast, TimeProvider.System);

        // A one-event buffer keeps the run in step with the view (Spectre redraws are slow): by the time the
        // forecast call starts, the view has taken in turn 1's calls and results.
        await using var run = stack.Agent.StartStreamingRun(WeatherScript.Question, runOptions: new RunOptions { BufferCapacity = 1 });
        using var keys = new CtrlCCanceller(run.Cancel);
        var presses = FixedPoint.ActAsync(run, stack.Tools.Log.WhenStarted("get_forecast"), _ =>
        {
            keys.Press();
            keys.Press();
        });

        await new LiveRunView(console, TimeProvider.System).ShowAsync(run, keys).WaitAsync(HangGuard);

        Assert.NotNull(await presses);
        var lastFrame = LastFrame(console.Output);
        Assert.Contains("turn 2 · Cancelled", lastFrame, StringComparison.Ordinal);
        Assert.Equal(2, CountOf(lastFrame, " done "));
        Assert.DoesNotContain("running", lastFrame, StringComparison.Ordinal);
        Assert.DoesNotContain("Take the umbrella", lastFrame, StringComparison.Ordinal);
        Assert.Equal(RunStatus.Cancelled, run.Status);
        Assert.Equal(ToolCallOutcome.Cancelled, Assert.Single(stack.Tools.Log.CallsOf("get_forecast")).Outcome);
    }

    [Fact]
    public async Task Interactive_demo_run_to_the_end_reports_the_completed_run_and_that_nothing_was_kept()
    {
        var console = Terminal();

        var exitCode = await InteractiveDemo.RunAsync(console, DemoTiming.Fast, TimeProvider.System).WaitAsync(HangGuard);

        Assert.Equal(0, exitCode);
        Assert.Contains("Completed after 3 turn(s), 3 model call(s).", console.Output, StringComparison.Ordinal);
        Assert.Contains("Nothing to keep: the run was not cancelled.", console.Output, StringComparison.Ordinal);
    }

    /// <summary>The live display redraws in place; the last frame is what follows the last answer panel's top.</summary>
    private static string LastFrame(string output) =>
        output[output.LastIndexOf("weather agent", StringComparison.Ordinal)..];

    private static int CountOf(string text, string part) => text.Split(part).Length - 1;
}
