using AgentConsole.Output;
using Microsoft.Extensions.AI;
using Spectre.Console.Testing;

namespace CancelGen.Samples.Tests;

/// <summary>The live table's rows: the streamed calls and results, paired with a real run's <c>TrackedTasks</c>.</summary>
public class ToolCallBoardTests
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_running_call_shows_its_arguments_and_once_its_result_came_back_and_it_left_the_list_shows_done()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var run = RunResultStreaming.Start<int>((context, _) => context.Run(
            async token =>
            {
                started.SetResult();
                await release.Task.WaitAsync(token);
            },
            "get_weather"));
        await started.Task.WaitAsync(HangGuard);
        var board = new ToolCallBoard();

        board.Take([new FunctionCallContent("c1", "get_weather", new Dictionary<string, object?> { ["city"] = "Paris" })]);
        board.Observe(run.TrackedTasks, runCancelled: false);
        var running = Rendered(board);
        release.SetResult();
        await run.Completion.WaitAsync(HangGuard);
        board.Take([new FunctionResultContent("c1", "18°C, sunny")]);
        board.Observe(run.TrackedTasks, runCancelled: false);
        var done = Rendered(board);

        Assert.Contains("get_weather", running, StringComparison.Ordinal);
        Assert.Contains("city: Paris", running, StringComparison.Ordinal);
        Assert.Contains("running", running, StringComparison.Ordinal);
        Assert.Contains("done", done, StringComparison.Ordinal);
        Assert.Contains("18°C, sunny", done, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_call_that_ended_without_a_result_in_a_cancelled_run_shows_cancelled()
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var run = RunResultStreaming.Start<int>((context, _) => context.Run(
            async token =>
            {
                started.SetResult();
                await Task.Delay(Timeout.Infinite, token);
            },
            "get_forecast"));
        await started.Task.WaitAsync(HangGuard);
        var board = new ToolCallBoard();
        board.Observe(run.TrackedTasks, runCancelled: false);

        await run.CancelAsync().WaitAsync(HangGuard);
        board.Observe(run.TrackedTasks, run.Status == RunStatus.Cancelled);

        Assert.Contains("cancelled", Rendered(board), StringComparison.Ordinal);
    }

    [Fact]
    public void A_call_whose_task_came_and_went_between_two_redraws_still_shows_done_from_the_stream()
    {
        var board = new ToolCallBoard();

        board.Take([new FunctionCallContent("c1", "get_weather", new Dictionary<string, object?> { ["city"] = "Oslo" })]);
        board.Observe([], runCancelled: false);
        board.Take([new FunctionResultContent("c1", "rain")]);
        board.Observe([], runCancelled: false);
        var rendered = Rendered(board);

        Assert.Contains("get_weather", rendered, StringComparison.Ordinal);
        Assert.Contains("city: Oslo", rendered, StringComparison.Ordinal);
        Assert.Contains("done", rendered, StringComparison.Ordinal);
        Assert.Contains("rain", rendered, StringComparison.Ordinal);
    }

    private static string Rendered(ToolCallBoard board)
    {
        var console = new TestConsole().Width(120);
        console.Write(board.Render());
        return console.Output;
    }
}
