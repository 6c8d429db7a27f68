namespace CancelGen.Samples.Tests;

/// <summary>The console sample without a terminal: its scripted demos, their verdicts, and plain output.</summary>
public class SampleTests(SampleRun run) : IClassFixture<SampleRun>
{
    [Fact]
    public void Every_scripted_demo_prints_OK_and_the_exit_code_is_0()
    {
        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Equal(5, run.Output.Split("\nOK: ").Length - 1);
        Assert.DoesNotContain("UNEXPECTED", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("OK: completed: 3 model calls, 3 tool calls, all returned")]
    [InlineData("OK: cancelled after turn 1")]
    [InlineData("OK: cancelled in turn 2: the forecast call's token was cancelled")]
    [InlineData("OK: the Oslo lookup alone was cancelled")]
    [InlineData("OK: the first question was answered in full")]
    public void Each_demo_shows_what_it_is_about(string verdict) =>
        Assert.Contains(verdict, run.Output, StringComparison.Ordinal);

    [Fact]
    public void Redirected_output_has_no_ANSI_escape_codes() =>
        Assert.DoesNotContain('\u001b', run.Output);

    [Fact]
    public void The_partial_cancel_demo_shows_the_model_was_told_the_call_was_cancelled()
    {
        var demo = run.Output[run.Output.IndexOf("4. ", StringComparison.Ordinal)..run.Output.IndexOf("OK: the Oslo lookup", StringComparison.Ordinal)];
        Assert.Contains("Paris: 18°C, sunny. Oslo: ", demo, StringComparison.Ordinal);
        Assert.DoesNotContain("Oslo: 6°C, rain", demo, StringComparison.Ordinal);
    }
}
