using CancelGen;

namespace CancelGen.Runtime.Tests;

public class FaultTests
{
    [Fact]
    public async Task A_failure_of_the_run_code_reaches_the_consumer_and_Completion()
    {
        var failure = new PlannedFailureException("model call failed");
        await using var run = RunResultStreaming.Start<int>(async (ctx, ct) =>
        {
            await ctx.EmitAsync(1);
            throw failure;
        });

        var delivered = new List<int>();
        var thrown = await Assert.ThrowsAsync<PlannedFailureException>(async () =>
        {
            await foreach (var e in run.StreamEvents())
            {
                delivered.Add(e);
            }
        }).Bounded();

        Assert.Same(failure, thrown);
        Assert.Equal([1], delivered);
        Assert.Same(failure, await Assert.ThrowsAsync<PlannedFailureException>(() => run.Completion).Bounded());
        Assert.Equal(RunStatus.Faulted, run.Status);
        Assert.Same(failure, run.Fault);
    }

    [Fact]
    public async Task A_failure_before_the_first_event_does_not_hang_the_consumer()
    {
        await using var run = RunResultStreaming.Start<int>((RunContext<int> ctx, CancellationToken ct) => throw new PlannedFailureException("early"));

        await Assert.ThrowsAsync<PlannedFailureException>(() => run.ReadAllAsync()).Bounded();
        Assert.Equal(RunStatus.Faulted, run.Status);
    }

    [Fact]
    public async Task A_delegate_that_throws_synchronously_faults_the_run_and_Start_does_not_throw()
    {
        RunResultStreaming<int>? run = null;
        var start = Record.Exception(() => run = RunResultStreaming.Start<int>((Func<RunContext<int>, CancellationToken, Task>)((ctx, ct) => throw new PlannedFailureException("sync"))));

        Assert.Null(start);
        await Assert.ThrowsAsync<PlannedFailureException>(() => run!.Completion).Bounded();
        Assert.Equal(RunStatus.Faulted, run!.Status);
    }

    [Fact]
    public async Task An_iterator_that_throws_faults_the_run()
    {
        await using var run = RunResultStreaming.Start<int>((ctx, ct) => Failing());

        await Assert.ThrowsAsync<PlannedFailureException>(() => run.ReadAllAsync()).Bounded();
        Assert.Equal(RunStatus.Faulted, run.Status);

        static async IAsyncEnumerable<int> Failing()
        {
            yield return 1;
            await Task.Yield();
            throw new PlannedFailureException("iterator");
        }
    }

    [Fact]
    public async Task A_failing_tracked_task_cancels_the_run_token_and_the_other_tasks()
    {
        var failure = new PlannedFailureException("tool failed");
        var otherCancelled = TestSupport.NewGate();
        var runTokenSawIt = TestSupport.NewGate();
        var failNow = TestSupport.NewGate();
        var otherStarted = TestSupport.NewGate();
        await using var run = RunResultStreaming.Start<int>(async (ctx, ct) =>
        {
            _ = ctx.Run(async token =>
            {
                try
                {
                    otherStarted.SetResult();
                    await TestSupport.UntilCancelled(token);
                }
                finally
                {
                    otherCancelled.SetResult();
                }
            }, "other");
            _ = ctx.Run(async _ =>
            {
                await failNow.Task;
                throw failure;
            }, "failing");
            try
            {
                await TestSupport.UntilCancelled(ct);
            }
            finally
            {
                runTokenSawIt.SetResult();
            }
        });

        await otherStarted.Task.Bounded();
        failNow.SetResult();

        Assert.Same(failure, await Assert.ThrowsAsync<PlannedFailureException>(() => run.Completion).Bounded());
        await otherCancelled.Task.Bounded();
        await runTokenSawIt.Task.Bounded();
        Assert.Equal(RunStatus.Faulted, run.Status);
        Assert.Empty(run.TrackedTasks);
    }

    [Fact]
    public async Task The_first_failure_wins()
    {
        var first = new PlannedFailureException("first");
        await using var run = RunResultStreaming.Start<int>(async (ctx, ct) =>
        {
            var gate = TestSupport.NewGate();
            _ = ctx.Run(async _ =>
            {
                await gate.Task;
                throw new PlannedFailureException("second");
            });
            await Task.Yield();
            try
            {
                throw first;
            }
            finally
            {
                gate.SetResult();
            }
        });

        Assert.Same(first, await Assert.ThrowsAsync<PlannedFailureException>(() => run.Completion).Bounded());
    }

    [Fact]
    public async Task A_fault_faults_the_final_output_too()
    {
        await using var run = RunResultStreaming.Start<int, string>((ctx, ct) => Task.FromException<string>(new PlannedFailureException("x")));

        await Assert.ThrowsAsync<PlannedFailureException>(() => run.FinalOutput).Bounded();
    }

    [Fact]
    public async Task An_OperationCanceledException_of_its_own_in_a_run_not_cancelled_is_a_fault()
    {
        using var unrelated = new CancellationTokenSource();
        unrelated.Cancel();
        await using var run = RunResultStreaming.Start<int>((ctx, ct) => Task.FromCanceled(unrelated.Token));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.Completion).Bounded();
        Assert.Equal(RunStatus.Faulted, run.Status);
    }

    [Fact]
    public async Task Fault_concurrent_with_cancel_ends_consistently()
    {
        for (var i = 0; i < 200; i++)
        {
            var go = TestSupport.NewGate();
            await using var run = RunResultStreaming.Start<int>(async (ctx, ct) =>
            {
                _ = ctx.Run(async _ =>
                {
                    await go.Task;
                    throw new PlannedFailureException("tool");
                });
                await TestSupport.UntilCancelled(ct);
            });

            var cancel = Task.Run(() => run.Cancel());
            go.SetResult();
            await cancel.Bounded();
            try
            {
                await run.Completion.Bounded();
                Assert.Equal(RunStatus.Cancelled, run.Status);
            }
            catch (PlannedFailureException)
            {
                Assert.Equal(RunStatus.Faulted, run.Status);
            }
        }
    }

    [Fact]
    public async Task CancelAsync_and_DisposeAsync_never_throw_the_fault()
    {
        await using var run = RunResultStreaming.Start<int>((RunContext<int> ctx, CancellationToken ct) => throw new PlannedFailureException("x"));
        await Assert.ThrowsAsync<PlannedFailureException>(() => run.Completion).Bounded();

        await run.CancelAsync().Bounded();
        await run.DisposeAsync();

        Assert.Equal(RunStatus.Faulted, run.Status);
    }
}
