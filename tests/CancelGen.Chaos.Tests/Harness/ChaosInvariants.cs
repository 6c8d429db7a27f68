namespace CancelGen.Chaos.Tests.Harness;

/// <summary>
/// The invariants every chaos run must keep: every tracked task ended; <c>Completion</c> ended as the status says; the
/// status matches what happened (no failure lost, no cancel invented); events delivered in production order, none
/// twice, and with the undelivered ones of <c>GetProgress()</c> exactly the recorded history.
/// </summary>
internal static class ChaosInvariants
{
    public static void Check<TEvent>(RunEnding<TEvent> ending)
    {
        var run = ending.Run;
        var recorder = ending.Recorder;
        var status = run.Status;

        // Every tracked task ended.
        Require(recorder.ToolsStarted == recorder.ToolsEnded, $"{recorder.ToolsStarted - recorder.ToolsEnded} tracked task(s) still running after Completion");
        Require(run.TrackedTasks.Count == 0, $"TrackedTasks lists {run.TrackedTasks.Count} task(s) after Completion");

        // Completion agrees with the status.
        Require(status != RunStatus.Running, "the run is still Running after Completion");
        if (status == RunStatus.Faulted)
        {
            Require(ReferenceEquals(ending.CompletionError, run.Fault), $"Completion ended with {Describe(ending.CompletionError)}, the run's fault is {Describe(run.Fault)}");
        }
        else
        {
            Require(ending.CompletionError is null, $"Completion of a {status} run threw {Describe(ending.CompletionError)}");
        }

        // The status matches what happened.
        var thrown = recorder.Thrown;
        if (status == RunStatus.Completed)
        {
            Require(thrown.Count == 0, $"a failure was lost: {thrown.Count} planned failure(s) thrown ({string.Join(", ", thrown.Select(Describe))}) but the run Completed");
        }

        if (status == RunStatus.Faulted)
        {
            Require(thrown.Any(failure => ReferenceEquals(failure, run.Fault)), $"the run faulted with an unplanned {Describe(run.Fault)}");
        }

        if (status == RunStatus.Cancelled)
        {
            Require(recorder.StopIssued, "the run was Cancelled but no action stopped it");
        }

        if (!recorder.StopIssued)
        {
            var expected = thrown.Count > 0 ? RunStatus.Faulted : RunStatus.Completed;
            Require(status == expected, $"no stop was issued and {thrown.Count} failure(s) thrown: expected {expected}, got {status}");
        }

        // Consumers see the run's fault, and only it.
        foreach (var error in ending.Consumer.Errors)
        {
            Require(ReferenceEquals(error, run.Fault), $"a consumer's loop ended with {Describe(error)} (the run's fault: {Describe(run.Fault)})");
        }

        if (status == RunStatus.Faulted && !recorder.DisposeIssued)
        {
            Require(ending.Consumer.Errors.Count > 0, "the run faulted but no consumer that read to the end saw the fault");
        }

        // Events: in order, none twice, none lost.
        var recorded = ending.Progress.RecordedEvents;
        var kept = ending.Consumer.Delivered.Concat(ending.Progress.UndeliveredEvents).ToList();
        Require(kept.SequenceEqual(recorded, ending.Comparer),
            $"delivered ({ending.Consumer.Delivered.Count}) + undelivered ({ending.Progress.UndeliveredEvents.Count}) is not the recorded history ({recorded.Count}) in order: " +
            $"delivered [{string.Join(",", ending.Consumer.Delivered.Take(20))}], undelivered [{string.Join(",", ending.Progress.UndeliveredEvents.Take(20))}], recorded [{string.Join(",", recorded.Take(20))}], status {status}");
        if (ending.Started.CheckRecorded(recorded, status) is { } problem)
        {
            throw new InvariantViolationException(problem);
        }
    }

    /// <summary>The final output: the value when Completed, cancelled when Cancelled, the run's fault when Faulted.</summary>
    public static async Task CheckFinalOutputAsync<TEvent>(RunResultStreaming<TEvent> run, Task output)
    {
        try
        {
            await output.WaitAsync(ChaosSettings.HangGuard);
        }
        catch (TimeoutException) when (!output.IsCompleted)
        {
            throw new InvariantViolationException("FinalOutput never ended");
        }
        catch (Exception)
        {
            // Read from the task's status below.
        }

        var expected = run.Status switch
        {
            RunStatus.Completed => TaskStatus.RanToCompletion,
            RunStatus.Cancelled => TaskStatus.Canceled,
            _ => TaskStatus.Faulted,
        };
        Require(output.Status == expected, $"FinalOutput is {output.Status} for a {run.Status} run");
        if (output.IsFaulted)
        {
            Require(ReferenceEquals(output.Exception!.InnerException, run.Fault), "FinalOutput faulted with another exception than the run");
        }
    }

    private static void Require(bool condition, string violation)
    {
        if (!condition)
        {
            throw new InvariantViolationException(violation);
        }
    }

    private static string Describe(Exception? error) => error is null ? "nothing" : $"{error.GetType().Name} ({error.Message})";
}
