using System.Runtime.CompilerServices;
using CancelGen;

namespace CancelGen.Runtime.Tests;

public class StartAndCompleteTests
{
    [Fact]
    public async Task Iterator_run_delivers_every_event_in_order_then_completes()
    {
        await using var run = RunResultStreaming.Start<int>((ctx, ct) => TestSupport.Numbers(100));

        var events = await run.ReadAllAsync().Bounded();

        Assert.Equal(Enumerable.Range(0, 100), events);
        await run.Completion.Bounded();
        Assert.Equal(RunStatus.Completed, run.Status);
        Assert.True(run.IsComplete);
    }

    [Fact]
    public async Task Emitter_run_delivers_events_and_its_final_output()
    {
        await using var run = RunResultStreaming.Start<string, int>(async (ctx, ct) =>
        {
            await ctx.EmitAsync("a");
            await ctx.EmitAsync("b");
            return 42;
        });

        var events = await run.ReadAllAsync().Bounded();

        Assert.Equal(["a", "b"], events);
        Assert.Equal(42, await run.FinalOutput.Bounded());
        Assert.Equal(RunStatus.Completed, run.Status);
    }

    [Fact]
    public async Task Emitter_run_without_output_completes()
    {
        await using var run = RunResultStreaming.Start<int>(async (ctx, ct) => await ctx.EmitAsync(1));

        Assert.Equal([1], await run.ReadAllAsync().Bounded());
        await run.Completion.Bounded();
        Assert.Equal(RunStatus.Completed, run.Status);
    }

    [Fact]
    public async Task Run_goes_on_and_completes_when_nobody_reads_its_events()
    {
        var reachedEnd = TestSupport.NewGate();
        await using var run = RunResultStreaming.Start<int>(async (ctx, ct) =>
        {
            for (var i = 0; i < 10; i++)
            {
                await ctx.EmitAsync(i);
            }

            reachedEnd.SetResult();
        });

        await reachedEnd.Task.Bounded();
        await run.Completion.Bounded();
        Assert.Equal(RunStatus.Completed, run.Status);
        Assert.Equal(Enumerable.Range(0, 10), await run.ReadAllAsync().Bounded());
    }

    [Fact]
    public async Task Run_code_receives_the_run_token_and_context()
    {
        CancellationToken seen = default;
        RunContext? context = null;
        await using var run = RunResultStreaming.Start<int>(
            (ctx, ct) =>
            {
                seen = ct;
                context = ctx;
                return Task.CompletedTask;
            },
            new RunOptions { Name = "named" });

        await run.Completion.Bounded();
        Assert.NotNull(context);
        Assert.Equal(context!.CancellationToken, seen);
        Assert.Equal("named", context.Name);
        Assert.Equal("named", run.Name);
    }

    [Fact]
    public async Task Run_code_does_not_run_on_the_callers_thread()
    {
        var callerThread = Environment.CurrentManagedThreadId;
        var runThread = TestSupport.NewGate<int>();
        await using var run = RunResultStreaming.Start<int>((ctx, ct) =>
        {
            runThread.SetResult(Environment.CurrentManagedThreadId);
            Thread.Sleep(50); // a synchronous run body must not block Start
            return Task.CompletedTask;
        });

        Assert.NotEqual(callerThread, await runThread.Task.Bounded());
    }

    [Fact]
    public async Task CurrentTurn_is_one_until_the_first_turn_boundary_then_advances()
    {
        var turnsSeen = new List<int>();
        var atTurnTwo = TestSupport.NewGate();
        var release = TestSupport.NewGate();
        await using var run = RunResultStreaming.Start<int>(async (ctx, ct) =>
        {
            turnsSeen.Add(ctx.CurrentTurn);
            await ctx.EndTurnAsync();
            turnsSeen.Add(ctx.CurrentTurn);
            atTurnTwo.SetResult();
            await release.Task;
            await ctx.EndTurnAsync();
            turnsSeen.Add(ctx.CurrentTurn);
        });

        await atTurnTwo.Task.Bounded();
        Assert.Equal(2, run.CurrentTurn);
        release.SetResult();
        await run.Completion.Bounded();
        Assert.Equal([1, 2, 3], turnsSeen);
        Assert.Equal(3, run.CurrentTurn);
    }

    [Fact]
    public void Start_rejects_a_null_delegate()
    {
        Assert.Throws<ArgumentNullException>(() => RunResultStreaming.Start<int>((Func<RunContext, CancellationToken, IAsyncEnumerable<int>>)null!));
        Assert.Throws<ArgumentNullException>(() => RunResultStreaming.Start<int>((Func<RunContext<int>, CancellationToken, Task>)null!));
        Assert.Throws<ArgumentNullException>(() => RunResultStreaming.Start<int, int>(null!));
    }

    [Fact]
    public void BufferCapacity_must_be_positive()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new RunOptions { BufferCapacity = 0 });
        Assert.Contains("BufferCapacity", error.Message, StringComparison.Ordinal);
        Assert.Null(new RunOptions { BufferCapacity = null }.BufferCapacity);
    }

    [Fact]
    public async Task Iterator_returning_null_faults_the_run_with_a_clear_message()
    {
        await using var run = RunResultStreaming.Start<int>((RunContext ctx, CancellationToken ct) => (IAsyncEnumerable<int>)null!);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => run.Completion).Bounded();
        Assert.Contains("returned null", error.Message, StringComparison.Ordinal);
        Assert.Equal(RunStatus.Faulted, run.Status);
    }

    [Fact]
    public async Task Iterator_receives_the_run_token_through_EnumeratorCancellation()
    {
        var started = TestSupport.NewGate();
        await using var run = RunResultStreaming.Start<int>((ctx, ct) => WaitForever(started, default));

        await started.Task.Bounded();
        await run.CancelAsync().Bounded();
        Assert.Equal(RunStatus.Cancelled, run.Status);

        static async IAsyncEnumerable<int> WaitForever(TaskCompletionSource started, [EnumeratorCancellation] CancellationToken ct)
        {
            started.SetResult();
            await TestSupport.UntilCancelled(ct);
            yield return 1;
        }
    }
}
