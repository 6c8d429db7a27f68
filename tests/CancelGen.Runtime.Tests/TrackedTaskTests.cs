using CancelGen;

namespace CancelGen.Runtime.Tests;

public class TrackedTaskTests
{
    [Fact]
    public async Task The_handle_lists_live_tracked_tasks_by_name_and_turn()
    {
        var listed = TestSupport.NewGate();
        await using var run = RunResultStreaming.Start<int>(async (ctx, ct) =>
        {
            _ = ctx.Run(TestSupport.UntilCancelled, "search");
            await ctx.EndTurnAsync();
            _ = ctx.Track(TestSupport.UntilCancelled(ct), "summarize");
            _ = ctx.Track(TestSupport.UntilCancelled(ct));
            listed.SetResult();
            await TestSupport.UntilCancelled(ct);
        });
        await listed.Task.Bounded();

        var tasks = run.TrackedTasks;

        Assert.Equal(3, tasks.Count);
        Assert.Equal(("search", 1), (tasks[0].Name, tasks[0].Turn));
        Assert.Equal(("summarize", 2), (tasks[1].Name, tasks[1].Turn));
        Assert.Equal($"task-{tasks[2].Id}", tasks[2].Name);
        Assert.All(tasks, t => Assert.Equal(TrackedTaskStatus.Running, t.Status));
    }

    [Fact]
    public async Task Cancelling_one_task_leaves_the_run_going_and_the_run_sees_it_cancelled()
    {
        var toolStarted = TestSupport.NewGate();
        var outcome = TestSupport.NewGate<string>();
        await using var run = RunResultStreaming.Start<string>(async (ctx, ct) =>
        {
            var tool = ctx.Run(async token =>
            {
                toolStarted.SetResult();
                await TestSupport.UntilCancelled(token);
            }, "slow-tool");
            try
            {
                await tool;
                outcome.SetResult("finished");
            }
            catch (OperationCanceledException)
            {
                outcome.SetResult("cancelled");
            }

            await ctx.EmitAsync("after the tool");
        });
        await toolStarted.Task.Bounded();

        Assert.True(run.CancelTask(run.TrackedTasks.Single().Id));

        Assert.Equal("cancelled", await outcome.Task.Bounded());
        Assert.Equal(["after the tool"], await run.ReadAllAsync().Bounded());
        Assert.Equal(RunStatus.Completed, run.Status);
    }

    [Fact]
    public async Task Cancelling_tasks_by_name_cancels_only_those()
    {
        var started = new CountdownEvent(3);
        var allStarted = TestSupport.NewGate();
        var ended = new bool[3];
        await using var run = RunResultStreaming.Start<int>(async (ctx, ct) =>
        {
            var tasks = new[] { "a", "b", "a" }.Select((name, i) => ctx.Run(async token =>
            {
                try
                {
                    if (started.Signal())
                    {
                        allStarted.SetResult();
                    }

                    await TestSupport.UntilCancelled(token);
                }
                finally
                {
                    ended[i] = true;
                }
            }, name)).ToArray();
            foreach (var task in tasks)
            {
                try
                {
                    await task;
                }
                catch (OperationCanceledException)
                {
                    // Each is cancelled alone; the run goes on.
                }
            }
        });
        await allStarted.Task.Bounded();

        Assert.Equal(2, run.CancelTasks("a"));
        Assert.False(run.CancelTask(12345));
        var b = run.TrackedTasks.Single(t => t.Status == TrackedTaskStatus.Running);
        Assert.Equal("b", b.Name);
        Assert.Equal(RunStatus.Running, run.Status);
        Assert.True(run.CancelTask(b.Id));

        await run.Completion.Bounded();
        Assert.Equal([true, true, true], ended);
        Assert.Equal(RunStatus.Completed, run.Status);
    }

    [Fact]
    public async Task A_task_that_ignores_its_token_lets_Cancel_return_at_once_and_Completion_wait_for_it()
    {
        var stuckStarted = TestSupport.NewGate();
        var releaseStuck = TestSupport.NewGate();
        var run = RunResultStreaming.Start<int>(async (ctx, ct) =>
        {
            _ = ctx.Run(async _ =>
            {
                stuckStarted.SetResult();
                await releaseStuck.Task; // ignores its token
            }, "stubborn-tool");
            await TestSupport.UntilCancelled(ct);
        });
        await stuckStarted.Task.Bounded();

        run.Cancel();

        Assert.Equal(RunStatus.Cancelled, run.Status);
        var cancelAsync = run.CancelAsync();
        Assert.False(run.Completion.IsCompleted);
        Assert.False(cancelAsync.IsCompleted);
        var stuck = Assert.Single(run.TrackedTasks);
        Assert.Equal("stubborn-tool", stuck.Name);
        Assert.Equal(TrackedTaskStatus.CancellationRequested, stuck.Status);

        releaseStuck.SetResult();
        await run.Completion.Bounded();
        await cancelAsync.Bounded();
        Assert.Empty(run.TrackedTasks);
    }

    [Fact]
    public async Task The_run_code_awaiting_a_tracked_task_that_ignores_cancel_is_released_by_a_cancel()
    {
        var release = TestSupport.NewGate();
        var awaiting = TestSupport.NewGate();
        var run = RunResultStreaming.Start<int>(async (ctx, ct) =>
        {
            var tracked = ctx.Track(release.Task, "ignores-token");
            awaiting.SetResult();
            await tracked;
        });
        await awaiting.Task.Bounded();

        run.Cancel();

        Assert.Single(run.TrackedTasks);
        release.SetResult();
        await run.Completion.Bounded();
        Assert.Equal(RunStatus.Cancelled, run.Status);
    }

    [Fact]
    public async Task Completion_waits_for_tracked_tasks_after_the_run_code_returns()
    {
        var release = TestSupport.NewGate();
        var returned = TestSupport.NewGate();
        await using var run = RunResultStreaming.Start<int>((ctx, ct) =>
        {
            _ = ctx.Track(release.Task, "late");
            returned.SetResult();
            return Task.CompletedTask;
        });
        await returned.Task.Bounded();

        Assert.False(run.Completion.IsCompleted);
        Assert.Equal(RunStatus.Running, run.Status);
        release.SetResult();
        await run.Completion.Bounded();
        Assert.Equal(RunStatus.Completed, run.Status);
    }

    [Fact]
    public async Task Tracked_tasks_may_emit_events()
    {
        await using var run = RunResultStreaming.Start<string>(async (ctx, ct) =>
        {
            await ctx.Run(async token => await ctx.EmitAsync("from tool"), "tool");
            await ctx.EmitAsync("from run");
        });

        Assert.Equal(["from tool", "from run"], await run.ReadAllAsync().Bounded());
    }

    [Fact]
    public async Task Track_and_Run_return_the_results()
    {
        await using var run = RunResultStreaming.Start<int, int>(async (ctx, ct) =>
        {
            var a = await ctx.Track(Task.FromResult(20));
            var b = await ctx.Run(_ => Task.FromResult(22));
            return a + b;
        });

        Assert.Equal(42, await run.FinalOutput.Bounded());
    }

    [Fact]
    public async Task Run_after_an_immediate_cancel_does_not_start_the_work()
    {
        var started = TestSupport.NewGate();
        var resume = TestSupport.NewGate();
        var workStarted = false;
        var outcome = TestSupport.NewGate<bool>();
        await using var run = RunResultStreaming.Start<int>(async (ctx, ct) =>
        {
            started.SetResult();
            await resume.Task;
            var work = ctx.Run(_ =>
            {
                workStarted = true;
                return Task.CompletedTask;
            });
            outcome.SetResult(work.IsCanceled);
        });
        await started.Task.Bounded();

        run.Cancel();
        resume.SetResult();

        Assert.True(await outcome.Task.Bounded());
        await run.Completion.Bounded();
        Assert.False(workStarted);
    }

    [Fact]
    public async Task Tracking_after_the_run_ended_is_an_error_that_names_the_run()
    {
        RunContext? context = null;
        await using var run = RunResultStreaming.Start<int>(
            (ctx, ct) =>
            {
                context = ctx;
                return Task.CompletedTask;
            },
            new RunOptions { Name = "weather" });
        await run.Completion.Bounded();

        var error = Assert.IsType<InvalidOperationException>(Record.Exception(() => { _ = context!.Track(Task.CompletedTask, "late-tool"); }));
        Assert.Contains("'weather'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'late-tool'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failure_of_a_partially_cancelled_task_does_not_fault_the_run()
    {
        var started = TestSupport.NewGate();
        await using var run = RunResultStreaming.Start<int>(async (ctx, ct) =>
        {
            var tool = ctx.Run(async token =>
            {
                started.SetResult();
                await TestSupport.UntilCancelled(token).ContinueWith(_ => { }, TaskScheduler.Default);
                throw new PlannedFailureException("failed while stopping");
            }, "tool");
            await tool.ContinueWith(_ => { }, TaskScheduler.Default);
        });
        await started.Task.Bounded();

        run.CancelTasks("tool");

        await run.Completion.Bounded();
        Assert.Equal(RunStatus.Completed, run.Status);
    }

    [Fact]
    public async Task Track_rejects_null()
    {
        var checkedNulls = TestSupport.NewGate();
        await using var run = RunResultStreaming.Start<int>((ctx, ct) =>
        {
            Assert.IsType<ArgumentNullException>(Record.Exception(() => { _ = ctx.Track(null!); }));
            Assert.IsType<ArgumentNullException>(Record.Exception(() => { _ = ctx.Run(null!); }));
            checkedNulls.SetResult();
            return Task.CompletedTask;
        });

        await checkedNulls.Task.Bounded();
        await run.Completion.Bounded();
    }
}
