using System.Threading.Channels;

namespace CancelGen.AspNetCore.Tests.Support;

/// <summary>
/// A run the test drives step by step: each step (emit, start a tracked task, end the turn, fail, finish) runs in the
/// run's code when the test sends it, so the test decides exactly what happens when, without timing.
/// </summary>
public sealed class ScriptedRun
{
    private readonly Channel<Func<RunContext<object>, CancellationToken, Task>> _steps = Channel.CreateUnbounded<Func<RunContext<object>, CancellationToken, Task>>();

    public ScriptedRun()
    {
        Handle = RunResultStreaming.Start<object>(async (run, cancellationToken) =>
        {
            await foreach (var step in _steps.Reader.ReadAllAsync(cancellationToken))
            {
                await step(run, cancellationToken);
            }
        });
    }

    /// <summary>The run's handle (the test keeps it to look at the run the registry holds).</summary>
    public RunResultStreaming<object> Handle { get; }

    /// <summary>Emits <paramref name="events"/>, in order.</summary>
    public void Emit(params object[] events) => Send(async (run, _) =>
    {
        foreach (var item in events)
        {
            await run.EmitAsync(item);
        }
    });

    /// <summary>Emits <c>TextDelta("t1")</c> .. <c>TextDelta("t{count}")</c> starting at <paramref name="first"/>.</summary>
    public void EmitTexts(int first, int count) =>
        Emit([.. Enumerable.Range(first, count).Select(i => (object)new TextDelta($"t{i}"))]);

    /// <summary>Starts a tracked task that runs until its token is cancelled (or <paramref name="release"/> completes); returns when it has started.</summary>
    public Task StartTaskAsync(string name, Task? release = null)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Send((run, runToken) =>
        {
            Func<CancellationToken, Task> work = async token =>
            {
                started.SetResult();
                await (release ?? Task.Delay(Timeout.Infinite, token)).WaitAsync(token);
            };
            _ = run.Run(work, name); // tracked by the run: its end is the run's business
            return Task.CompletedTask;
        });
        return started.Task;
    }

    /// <summary>Starts a tracked task that ignores cancellation until <paramref name="release"/> completes.</summary>
    public Task StartStubbornTaskAsync(string name, Task release)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Send((run, runToken) =>
        {
            Func<CancellationToken, Task> work = async _ =>
            {
                started.SetResult();
                await release;
            };
            _ = run.Run(work, name); // tracked by the run: its end is the run's business
            return Task.CompletedTask;
        });
        return started.Task;
    }

    /// <summary>Ends the turn in progress.</summary>
    public void EndTurn() => Send((run, _) => run.EndTurnAsync().AsTask());

    /// <summary>Makes the run's code throw.</summary>
    public void Fail(string message) => Send((_, _) => throw new InvalidOperationException(message));

    /// <summary>Lets the run's code return (the run completes once its tracked tasks end).</summary>
    public void Finish() => _steps.Writer.TryComplete();

    private void Send(Func<RunContext<object>, CancellationToken, Task> step)
    {
        if (!_steps.Writer.TryWrite(step))
        {
            throw new InvalidOperationException("The script has finished.");
        }
    }
}
