using System.Diagnostics.Tracing;
using System.Runtime.CompilerServices;
using CancelGen;
using CancelGen.Internal;

namespace CancelGen.Runtime.Tests;

/// <summary>
/// The safety net for runs whose handle is dropped while they go on. Every run is started and dropped in
/// a helper that is never inlined, so no local of the test keeps its handle; the tests hold the run's
/// context instead (the run never references its handle, so that keeps nothing alive).
/// </summary>
[Collection(TelemetryCollection.Name)]
public class AbandonedRunTests
{
    public enum Release
    {
        Disposed,
        Cancelled,
        CancelledAfterTurn,
        Completed,
    }

    [Fact]
    public async Task A_dropped_handle_of_a_running_emitter_run_cancels_the_run_and_its_tracked_tasks()
    {
        var started = TestSupport.NewGate<RunContext>();
        var toolStopped = TestSupport.NewGate<bool>();
        var dropped = StartAndDrop(() => RunResultStreaming.Start<int>(async (ctx, ct) =>
        {
            _ = ctx.Run(
                async toolToken =>
                {
                    try
                    {
                        await TestSupport.UntilCancelled(toolToken);
                    }
                    finally
                    {
                        toolStopped.SetResult(toolToken.IsCancellationRequested);
                    }
                },
                "tool");
            started.SetResult(ctx);
            await TestSupport.UntilCancelled(ct);
        }));
        var context = await started.Task.Bounded();

        CollectDroppedHandles();

        await dropped.Completion.Bounded();
        Assert.False(dropped.Handle.IsAlive);
        Assert.True(context.CancellationToken.IsCancellationRequested);
        Assert.True(await toolStopped.Task.Bounded());
        Assert.Equal(RunStatus.Cancelled, StatusOf(context));
    }

    [Fact]
    public async Task A_dropped_handle_of_a_running_iterator_run_cancels_the_run()
    {
        var started = TestSupport.NewGate<RunContext>();
        var dropped = StartAndDrop(() => RunResultStreaming.Start<int>((ctx, ct) => YieldThenWaitForCancel(ctx, started, ct)));
        var context = await started.Task.Bounded();

        CollectDroppedHandles();

        await dropped.Completion.Bounded();
        Assert.True(context.CancellationToken.IsCancellationRequested);
        Assert.Equal(RunStatus.Cancelled, StatusOf(context));
    }

    [Fact]
    public async Task A_dropped_handle_of_a_run_with_a_final_output_cancels_the_output()
    {
        var started = TestSupport.NewGate<RunContext>();
        var dropped = StartAndDrop(() => RunResultStreaming.Start<int, string>(async (ctx, ct) =>
        {
            started.SetResult(ctx);
            await TestSupport.UntilCancelled(ct);
            return "never";
        }));
        var context = await started.Task.Bounded();

        CollectDroppedHandles();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => dropped.FinalOutput!).Bounded();
        Assert.Equal(RunStatus.Cancelled, StatusOf(context));
    }

    [Fact]
    public async Task Abandonment_is_reported_on_the_counter_the_event_source_and_the_run_span_with_where_it_started()
    {
        using var reports = new AbandonmentReports();
        var name = $"abandoned-{Guid.NewGuid():N}";
        var started = TestSupport.NewGate<RunContext>();
        var dropped = StartNamedRunAndDrop(name, AbandonedRunPolicy.CancelAndReport, started, TestSupport.NewGate());
        await started.Task.Bounded();

        CollectDroppedHandles();

        var counted = await reports.Counted(name).Bounded();
        Assert.Equal(1, counted.Value);
        Assert.Equal(nameof(AbandonedRunPolicy.CancelAndReport), counted.Policy);

        var traced = await reports.Traced(name).Bounded();
        Assert.Equal(EventLevel.Warning, traced.Level);
        Assert.Equal(nameof(AbandonedRunPolicy.CancelAndReport), traced.Policy);
        Assert.StartsWith($"at {typeof(AbandonedRunTests).FullName}.{nameof(StartNamedRunAndDrop)}(", traced.StartedAt, StringComparison.Ordinal);

        await dropped.Completion.Bounded();
        var spanEvent = await reports.SpanEvent(name).Bounded();
        var tags = spanEvent.Tags.ToDictionary(t => t.Key, t => t.Value);
        Assert.Equal(nameof(AbandonedRunPolicy.CancelAndReport), tags[CancelGenTelemetry.AbandonedRunPolicyTag]);
        Assert.Equal(traced.StartedAt, tags[CancelGenTelemetry.RunStartedAtTag]);
        Assert.Equal(3, reports.ReportsFor(name));
    }

    [Fact]
    public async Task An_unnamed_abandoned_run_is_traced_by_its_event_type_without_a_start_site()
    {
        using var reports = new AbandonmentReports();
        var started = TestSupport.NewGate<RunContext>();
        var dropped = StartAndDrop(() => RunResultStreaming.Start<UnnamedProbeEvent>(async (ctx, ct) =>
        {
            started.SetResult(ctx);
            await TestSupport.UntilCancelled(ct);
        }));
        await started.Task.Bounded();

        CollectDroppedHandles();

        var traced = await reports.Traced($"An unnamed run of {nameof(UnnamedProbeEvent)} events").Bounded();
        Assert.Equal(string.Empty, traced.StartedAt);
        await dropped.Completion.Bounded();
    }

    [Fact]
    public async Task ReportOnly_reports_the_abandoned_run_and_leaves_it_going()
    {
        using var reports = new AbandonmentReports();
        var name = $"report-only-{Guid.NewGuid():N}";
        var started = TestSupport.NewGate<RunContext>();
        var finish = TestSupport.NewGate();
        var dropped = StartNamedRunAndDrop(name, AbandonedRunPolicy.ReportOnly, started, finish);
        var context = await started.Task.Bounded();

        CollectDroppedHandles();

        var counted = await reports.Counted(name).Bounded();
        Assert.Equal(nameof(AbandonedRunPolicy.ReportOnly), counted.Policy);
        Assert.Equal(nameof(AbandonedRunPolicy.ReportOnly), (await reports.Traced(name).Bounded()).Policy);
        Assert.False(context.CancellationToken.IsCancellationRequested);
        Assert.Equal(RunStatus.Running, StatusOf(context));

        finish.SetResult();
        await dropped.Completion.Bounded();
        Assert.Equal(RunStatus.Completed, StatusOf(context));
    }

    [Fact]
    public async Task A_held_handle_is_never_touched_while_a_dropped_one_is_reported()
    {
        using var reports = new AbandonmentReports();
        var name = $"held-{Guid.NewGuid():N}";
        var started = TestSupport.NewGate<RunContext>();
        var run = RunResultStreaming.Start<int>(
            async (ctx, ct) =>
            {
                started.SetResult(ctx);
                await TestSupport.UntilCancelled(ct);
            },
            new RunOptions { Name = name });
        var context = await started.Task.Bounded();
        var canary = await StartCanaryAsync();

        CollectDroppedHandles();

        await canary.Reported(reports).Bounded();
        Assert.False(context.CancellationToken.IsCancellationRequested);
        Assert.Equal(RunStatus.Running, run.Status);
        Assert.Equal(0, reports.ReportsFor(name));
        GC.KeepAlive(run);
        await run.DisposeAsync();
    }

    [Theory]
    [InlineData(Release.Disposed)]
    [InlineData(Release.Cancelled)]
    [InlineData(Release.CancelledAfterTurn)]
    [InlineData(Release.Completed)]
    public async Task A_handle_released_before_it_was_dropped_reports_nothing(Release release)
    {
        using var reports = new AbandonmentReports();
        var name = $"released-{release}-{Guid.NewGuid():N}";
        var started = TestSupport.NewGate<RunContext>();
        var endTurn = TestSupport.NewGate();
        var dropped = StartReleaseAndDrop(name, release, started, endTurn);
        var context = await started.Task.Bounded();
        if (release == Release.Completed)
        {
            await dropped.Completion.Bounded();
        }

        var canary = await StartCanaryAsync();

        CollectDroppedHandles();

        await canary.Reported(reports).Bounded();
        endTurn.SetResult();
        await dropped.Completion.Bounded();
        Assert.Equal(0, reports.ReportsFor(name));
        Assert.False(dropped.Handle.IsAlive);
        Assert.Equal(release == Release.Completed ? RunStatus.Completed : RunStatus.Cancelled, StatusOf(context));
    }

    [Fact]
    public async Task A_dropped_running_handle_is_collected_after_every_member_was_used()
    {
        using var reports = new AbandonmentReports();
        using var startToken = new CancellationTokenSource();
        var name = $"collected-{Guid.NewGuid():N}";
        var started = TestSupport.NewGate<RunContext>();
        var dropped = await StartUseEverythingAndDropAsync(name, started, startToken.Token);
        var context = await started.Task.Bounded();

        CollectDroppedHandles();

        Assert.False(dropped.Handle.IsAlive);
        await reports.Traced(name).Bounded();
        Assert.Equal(RunStatus.Running, StatusOf(context));
        await startToken.CancelAsync();
        await dropped.Completion.Bounded();
        Assert.Equal(RunStatus.Cancelled, StatusOf(context));
    }

    [Fact]
    public async Task A_run_whose_events_are_being_read_is_not_taken_for_abandoned()
    {
        using var reports = new AbandonmentReports();
        var name = $"read-{Guid.NewGuid():N}";
        var collected = TestSupport.NewGate();
        var events = new List<int>();

        await foreach (var e in StartTwoEventRun(name, collected.Task).StreamEvents())
        {
            events.Add(e);
            if (e == 0)
            {
                // The consumer is either in this body or waiting for the next event while the collection runs.
                _ = Task.Run(() =>
                {
                    CollectDroppedHandles();
                    collected.SetResult();
                });
            }
        }

        Assert.Equal([0, 1], events);
        Assert.Equal(0, reports.ReportsFor(name));
    }

    [Fact]
    public void An_undefined_AbandonedRunPolicy_is_rejected_by_name()
    {
        var options = new RunOptions();

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => options.AbandonedRunPolicy = (AbandonedRunPolicy)7);

        Assert.Contains("AbandonedRunPolicy 7", error.Message, StringComparison.Ordinal);
        Assert.Equal(AbandonedRunPolicy.CancelAndReport, options.AbandonedRunPolicy);
    }

    // ---- helpers: none of them lets a handle escape, and none is inlined into a test -------------

    private static void CollectDroppedHandles()
    {
        for (var i = 0; i < 2; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }
    }

    private static RunStatus StatusOf(RunContext context) => context is RunCore<int> core
        ? core.Status
        : throw new InvalidOperationException("The tests read the status of int runs only.");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static DroppedRun StartAndDrop<TEvent>(Func<RunResultStreaming<TEvent>> start)
    {
        var run = start();
        return new DroppedRun(new WeakReference(run), run.Completion, (run as RunResultStreaming<TEvent, string>)?.FinalOutput);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static DroppedRun StartNamedRunAndDrop(string name, AbandonedRunPolicy policy, TaskCompletionSource<RunContext> started, TaskCompletionSource finish)
    {
        var run = RunResultStreaming.Start<int>(
            async (ctx, ct) =>
            {
                started.SetResult(ctx);
                await finish.Task.WaitAsync(ct);
            },
            new RunOptions { Name = name, AbandonedRunPolicy = policy });
        return new DroppedRun(new WeakReference(run), run.Completion, null);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static DroppedRun StartReleaseAndDrop(string name, Release release, TaskCompletionSource<RunContext> started, TaskCompletionSource endTurn)
    {
        var run = RunResultStreaming.Start<int>(
            async (ctx, ct) =>
            {
                started.SetResult(ctx);
                if (release == Release.Completed)
                {
                    return;
                }

                await endTurn.Task.WaitAsync(ct);
                await ctx.EndTurnAsync();
                await TestSupport.UntilCancelled(ct);
            },
            new RunOptions { Name = name });
        var completion = run.Completion;
        switch (release)
        {
            case Release.Disposed:
                completion = run.DisposeAsync().AsTask();
                break;
            case Release.Cancelled:
                run.Cancel();
                break;
            case Release.CancelledAfterTurn:
                run.Cancel(CancelMode.AfterTurn);
                break;
        }

        return new DroppedRun(new WeakReference(run), completion, null);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task<DroppedRun> StartUseEverythingAndDropAsync(string name, TaskCompletionSource<RunContext> started, CancellationToken startToken)
    {
        var produce = TestSupport.NewGate();
        var run = RunResultStreaming.Start<int>(
            (ctx, ct) => UseTheContext(ctx, produce.Task, started, ct),
            new RunOptions { Name = name, AbandonedRunPolicy = AbandonedRunPolicy.ReportOnly, BufferCapacity = 4, EventHistory = EventHistory.All },
            startToken);

        // The consumer waits for the first event (nothing is produced before the gate opens), reads it and leaves.
        var consumer = run.StreamEvents().GetAsyncEnumerator();
        var next = consumer.MoveNextAsync();
        Assert.False(next.IsCompleted);
        produce.SetResult();
        Assert.True(await next);
        await consumer.DisposeAsync();

        run.Pause();
        run.Resume();
        _ = run.TrackedTasks;
        _ = run.GetProgress();
        _ = run.ToString();
        return new DroppedRun(new WeakReference(run), run.Completion, null);
    }

    private static async IAsyncEnumerable<int> UseTheContext(RunContext ctx, Task produce, TaskCompletionSource<RunContext> started, [EnumeratorCancellation] CancellationToken ct)
    {
        _ = ctx.Run(TestSupport.UntilCancelled, "waits");
        _ = ctx.Track(Task.Delay(TimeSpan.FromHours(1), ct), "timer");
        ctx.SaveProgress("state");
        await produce.WaitAsync(ct);
        yield return 0;
        await ctx.EndTurnAsync();
        yield return 1;
        started.SetResult(ctx);
        await TestSupport.UntilCancelled(ct);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static RunResultStreaming<int> StartTwoEventRun(string name, Task collected) =>
        RunResultStreaming.Start<int>(
            async (ctx, ct) =>
            {
                await ctx.EmitAsync(0);
                await collected.WaitAsync(ct);
                await ctx.EmitAsync(1);
            },
            new RunOptions { Name = name });

    private static async IAsyncEnumerable<int> YieldThenWaitForCancel(RunContext ctx, TaskCompletionSource<RunContext> started, [EnumeratorCancellation] CancellationToken ct)
    {
        yield return 1;
        started.SetResult(ctx);
        await TestSupport.UntilCancelled(ct);
    }

    /// <summary>A run dropped in the same collection as the run under test: once its report arrives, the collection's finalizers have run.</summary>
    private static async Task<Canary> StartCanaryAsync()
    {
        var name = $"canary-{Guid.NewGuid():N}";
        var started = TestSupport.NewGate<RunContext>();
        var dropped = StartNamedRunAndDrop(name, AbandonedRunPolicy.CancelAndReport, started, TestSupport.NewGate());
        await started.Task.Bounded();
        return new Canary(name, dropped);
    }

    private sealed record DroppedRun(WeakReference Handle, Task Completion, Task<string>? FinalOutput);

    private sealed record Canary(string Name, DroppedRun Run)
    {
        public async Task Reported(AbandonmentReports reports)
        {
            await reports.Traced(Name);
            await Run.Completion;
        }
    }

    private readonly record struct UnnamedProbeEvent(int Value);
}
