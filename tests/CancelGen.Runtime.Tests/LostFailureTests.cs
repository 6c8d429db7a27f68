using CancelGen;

namespace CancelGen.Runtime.Tests;

/// <summary>
/// A failure is never lost: a cancellation for a token that is not the run's (a tool's own timeout, an HTTP timeout)
/// fails the run wherever it comes from, while the run's own stops (cancel, start token, CancelTask) stay stops.
/// </summary>
public class LostFailureTests
{
    [Fact]
    public async Task A_tracked_task_cancelled_by_its_own_timeout_faults_the_run()
    {
        using var toolTimeout = new CancellationTokenSource();
        var run = RunResultStreaming.Start<int>(async (ctx, ct) =>
        {
            _ = ctx.Run(async _ =>
            {
                toolTimeout.CancelAfter(TimeSpan.FromMilliseconds(1));
                await Task.Delay(Timeout.Infinite, toolTimeout.Token);
            }, "slow-tool");
            await TestSupport.UntilCancelled(ct);
        });

        var consumerError = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.ReadAllAsync()).Bounded();
        var completionError = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.Completion).Bounded();

        Assert.Equal(RunStatus.Faulted, run.Status);
        Assert.Same(run.Fault, completionError);
        Assert.Same(run.Fault, consumerError);
        Assert.Equal(toolTimeout.Token, completionError.CancellationToken);
    }

    [Fact]
    public async Task An_http_style_timeout_of_a_tracked_task_faults_the_run_with_that_exception()
    {
        var timeout = new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout.", new TimeoutException());
        var run = RunResultStreaming.Start<int>(async (ctx, ct) =>
        {
            _ = ctx.Run(async _ =>
            {
                await Task.Yield();
                throw timeout;
            }, "http-tool");
            await TestSupport.UntilCancelled(ct);
        });

        await Assert.ThrowsAsync<TaskCanceledException>(() => run.Completion).Bounded();
        Assert.Equal(RunStatus.Faulted, run.Status);
        Assert.Same(timeout, run.Fault);
    }

    [Fact]
    public async Task Tracking_a_task_already_cancelled_by_a_foreign_token_faults_the_run()
    {
        var foreign = new CancellationToken(canceled: true);
        var run = RunResultStreaming.Start<int>(async (ctx, ct) =>
        {
            _ = ctx.Track(Task.FromCanceled(foreign), "cancelled-elsewhere");
            await TestSupport.UntilCancelled(ct);
        });

        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.Completion).Bounded();
        Assert.Equal(RunStatus.Faulted, run.Status);
        Assert.Equal(foreign, error.CancellationToken);
    }

    [Fact]
    public async Task Tracking_an_already_faulted_task_faults_the_run()
    {
        var failure = new PlannedFailureException("failed before it was tracked");
        var run = RunResultStreaming.Start<int>(async (ctx, ct) =>
        {
            _ = ctx.Track(Task.FromException(failure), "failed-early");
            await TestSupport.UntilCancelled(ct);
        });

        await Assert.ThrowsAsync<PlannedFailureException>(() => run.Completion).Bounded();
        Assert.Same(failure, run.Fault);
    }

    [Fact]
    public async Task A_typed_tracked_task_cancelled_by_a_foreign_token_faults_the_run_and_its_view_ends_cancelled()
    {
        using var foreign = new CancellationTokenSource();
        var source = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var viewEnded = TestSupport.NewGate<TaskStatus>();
        var tracked = TestSupport.NewGate();
        var run = RunResultStreaming.Start<int>(async (ctx, ct) =>
        {
            var view = ctx.Track(source.Task, "typed");
            tracked.SetResult();
            try
            {
                await view;
            }
            finally
            {
                viewEnded.SetResult(view.Status);
            }
        });
        await tracked.Task.Bounded();

        foreign.Cancel();
        source.SetCanceled(foreign.Token);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.Completion).Bounded();
        Assert.Equal(RunStatus.Faulted, run.Status);
        Assert.Equal(TaskStatus.Canceled, await viewEnded.Task.Bounded());
    }

    [Fact]
    public async Task A_typed_Run_cancelled_by_its_own_timeout_faults_the_run_and_its_final_output()
    {
        var run = RunResultStreaming.Start<int, string>(async (ctx, ct) =>
        {
            var answer = ctx.Run(async _ =>
            {
                using var ownTimeout = new CancellationTokenSource(TimeSpan.FromMilliseconds(1));
                await Task.Delay(Timeout.Infinite, ownTimeout.Token);
                return "never";
            }, "lookup");
            try
            {
                return await answer;
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                return "swallowed by the run's code";
            }
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.Completion).Bounded();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.FinalOutput).Bounded();
        Assert.Equal(RunStatus.Faulted, run.Status);
    }

    [Fact]
    public async Task An_iterator_that_throws_a_cancellation_of_its_own_faults_the_run()
    {
        using var own = new CancellationTokenSource();
        own.Cancel();
        var run = RunResultStreaming.Start(Iterate);

        var consumerError = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.ReadAllAsync()).Bounded();
        Assert.Equal(RunStatus.Faulted, run.Status);
        Assert.Equal(own.Token, consumerError.CancellationToken);

        async IAsyncEnumerable<int> Iterate(RunContext ctx, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
        {
            yield return 1;
            await Task.Yield();
            own.Token.ThrowIfCancellationRequested();
            yield return 2;
        }
    }

    [Fact]
    public async Task Events_emitted_before_a_foreign_cancellation_are_delivered_before_its_fault()
    {
        var run = RunResultStreaming.Start<int>(async (ctx, ct) =>
        {
            await ctx.Run(async _ =>
            {
                await ctx.EmitAsync(1);
                await ctx.EmitAsync(2);
                throw new OperationCanceledException("a tool's own timeout", new CancellationToken(canceled: true));
            }, "emitting-tool").ContinueWith(_ => { }, TaskScheduler.Default);
            await TestSupport.UntilCancelled(ct);
        });

        var delivered = new List<int>();
        await Assert.ThrowsAsync<OperationCanceledException>(async () =>
        {
            await foreach (var item in run.StreamEvents())
            {
                delivered.Add(item);
            }
        }).Bounded();
        Assert.Equal([1, 2], delivered);
        Assert.Equal(RunStatus.Faulted, run.Status);
    }

    [Fact]
    public async Task CancelTask_cancelling_a_task_is_not_a_failure_of_the_run()
    {
        var started = TestSupport.NewGate();
        var proceed = TestSupport.NewGate();
        var run = RunResultStreaming.Start<int>(async (ctx, ct) =>
        {
            var tool = ctx.Run(async token =>
            {
                started.SetResult();
                await TestSupport.UntilCancelled(token);
            }, "tool");
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => tool);
            await proceed.Task;
        });
        await started.Task.Bounded();

        Assert.Equal(1, run.CancelTasks("tool"));
        proceed.SetResult();

        await run.Completion.Bounded();
        Assert.Equal(RunStatus.Completed, run.Status);
    }

    [Fact]
    public async Task A_tracked_task_listening_to_the_start_token_ends_the_run_cancelled_not_faulted()
    {
        using var start = new CancellationTokenSource();
        var tracked = TestSupport.NewGate();
        var run = RunResultStreaming.Start<int>(
            async (ctx, ct) =>
            {
                // Registered on the start token after the run's own registration: its callback runs first.
                _ = ctx.Track(Task.Delay(Timeout.Infinite, start.Token), "listens-to-start-token");
                tracked.SetResult();
                await TestSupport.UntilCancelled(ct);
            },
            cancellationToken: start.Token);
        await tracked.Task.Bounded();

        start.Cancel();

        await run.Completion.Bounded();
        Assert.Equal(RunStatus.Cancelled, run.Status);
    }

    [Fact]
    public async Task Run_code_ending_on_a_linked_timeout_start_token_ends_the_run_cancelled_not_faulted()
    {
        using var timeout = new CancellationTokenSource();
        var run = RunResultStreaming.Start<int>(
            async (ctx, ct) =>
            {
                timeout.CancelAfter(TimeSpan.FromMilliseconds(1));
                await Task.Delay(Timeout.Infinite, timeout.Token);
            },
            cancellationToken: timeout.Token);

        await run.Completion.Bounded();
        Assert.Equal(RunStatus.Cancelled, run.Status);
    }

    [Fact]
    public async Task A_cancel_callback_that_throws_when_one_task_is_cancelled_faults_the_run()
    {
        var failure = new PlannedFailureException("cleanup on cancel failed");
        var registered = TestSupport.NewGate();
        var run = RunResultStreaming.Start<int>(async (ctx, ct) =>
        {
            _ = ctx.Run(async token =>
            {
                using var cleanup = token.Register(() => throw failure);
                registered.SetResult();
                await TestSupport.UntilCancelled(token);
            }, "tool");
            await TestSupport.UntilCancelled(ct);
        });
        await registered.Task.Bounded();

        Assert.Equal(1, run.CancelTasks("tool"));

        await Assert.ThrowsAsync<PlannedFailureException>(() => run.Completion).Bounded();
        Assert.Same(failure, run.Fault);
    }
}
