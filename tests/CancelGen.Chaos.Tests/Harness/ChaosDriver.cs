namespace CancelGen.Chaos.Tests.Harness;

/// <summary>
/// Plays one scenario: starts the run, a consumer and one thread per action at random points; then settles (releases
/// holds, resumes), drains what is left, waits for <c>Completion</c> and checks every invariant. Returns the
/// interleaving observed, or throws <see cref="InvariantViolationException"/>.
/// </summary>
internal static class ChaosDriver
{
    public static async Task<string> PlayAsync(ChaosScenario scenario)
    {
        var recorder = new ChaosRecorder();
        using var startSource = new CancellationTokenSource();
        return scenario.Shape == RunShape.ChatAdapter
            ? await PlayAsync(scenario, recorder, startSource, AdapterRuns.Start(scenario, recorder, startSource.Token), ReferenceEqualityComparer.Instance)
            : await PlayAsync(scenario, recorder, startSource, RuntimeRuns.Start(scenario, recorder, startSource.Token), EqualityComparer<int>.Default);
    }

    private static async Task<string> PlayAsync<TEvent>(
        ChaosScenario scenario, ChaosRecorder recorder, CancellationTokenSource startSource, StartedRun<TEvent> started, IEqualityComparer<TEvent> comparer)
    {
        var run = started.Run;
        var consumer = new ChaosConsumer<TEvent>(run);
        var consuming = Task.Run(() => consumer.ConsumeAsync(scenario.Consumer, scenario.ConsumerLeavesAfter));
        var acting = scenario.Actions.Select(action => Task.Run(() => ActAsync(action, run, recorder, startSource))).ToArray();

        await Bounded(Task.WhenAll(acting), "an action");
        recorder.Settle();
        started.Settle();
        run.Resume();
        await Bounded(consuming, "the consumer");
        await Bounded(consumer.DrainAsync(), "the draining consumer");

        Exception? completionError = null;
        try
        {
            await Bounded(run.Completion, "Completion");
        }
        catch (Exception ex) when (ex is not InvariantViolationException)
        {
            completionError = ex;
        }

        var progress = run.GetProgress();
        try
        {
            ChaosInvariants.Check(new RunEnding<TEvent>(scenario, recorder, run, consumer, completionError, progress, started, comparer));
        }
        catch (InvariantViolationException violation)
        {
            // Whether the run's work was still going after Completion: the same snapshot, taken again a little later.
            await Task.Delay(200);
            var later = run.GetProgress();
            throw new InvariantViolationException($"{violation.Message}; 200 ms later: recorded {later.RecordedEvents.Count}, undelivered {later.UndeliveredEvents.Count}, tracked tasks {run.TrackedTasks.Count}");
        }
        if (started.FinalOutput is { } output)
        {
            await ChaosInvariants.CheckFinalOutputAsync(run, output);
        }

        await Bounded(run.DisposeAsync().AsTask(), "DisposeAsync after the end");
        return $"{scenario.Shape}|{scenario.Consumer}|{recorder.IssuedOrder}|{run.Status}|turn {run.CurrentTurn}|" +
            $"{(progress.UndeliveredEvents.Count > 0 ? "dropped" : "kept")}|{(consumer.Errors.Count > 0 ? "consumer saw fault" : "")}";
    }

    private static async Task ActAsync<TEvent>(ChaosAction action, RunResultStreaming<TEvent> run, ChaosRecorder recorder, CancellationTokenSource startSource)
    {
        if (action.Sleeps)
        {
            await Task.Delay(action.Delay);
        }
        else
        {
            for (var i = 0; i < action.Delay; i++)
            {
                await Task.Yield();
            }
        }

        recorder.Issuing(action);
        switch (action.Kind)
        {
            case ChaosActionKind.Cancel:
                run.Cancel();
                break;
            case ChaosActionKind.CancelAfterTurn:
                run.Cancel(CancelMode.AfterTurn);
                break;
            case ChaosActionKind.CancelAsync:
                await Bounded(run.CancelAsync(), "CancelAsync");
                break;
            case ChaosActionKind.DisposeAsync:
                await Bounded(run.DisposeAsync().AsTask(), "DisposeAsync");
                break;
            case ChaosActionKind.Pause:
                run.Pause();
                break;
            case ChaosActionKind.Resume:
                run.Resume();
                break;
            case ChaosActionKind.CancelTask:
                var target = run.TrackedTasks.FirstOrDefault(task => ChaosTools.MayBeCancelledAlone(task.Name));
                if (target is not null)
                {
                    run.CancelTask(target.Id);
                }

                break;
            case ChaosActionKind.StartToken:
                startSource.Cancel();
                break;
            case ChaosActionKind.LinkedTimeout:
                startSource.CancelAfter(action.Delay % 3);
                break;
        }
    }

    private static async Task Bounded(Task task, string what)
    {
        try
        {
            await task.WaitAsync(ChaosSettings.HangGuard);
        }
        catch (TimeoutException) when (!task.IsCompleted)
        {
            throw new InvariantViolationException($"{what} did not finish within {ChaosSettings.HangGuard.TotalSeconds} s (hang)");
        }
    }
}
