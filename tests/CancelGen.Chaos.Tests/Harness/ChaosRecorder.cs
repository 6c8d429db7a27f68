using System.Collections.Concurrent;

namespace CancelGen.Chaos.Tests.Harness;

/// <summary>What happened during one chaos run, as the run's code, its tools and the acting threads report it.</summary>
internal sealed class ChaosRecorder
{
    private readonly TaskCompletionSource _settled = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentQueue<Exception> _thrown = new();
    private readonly ConcurrentQueue<string> _issued = new();
    private int _toolsStarted;
    private int _toolsEnded;
    private volatile bool _stopIssued;
    private volatile bool _disposeIssued;
    private volatile bool _immediateStopIssued;

    /// <summary>Completes when the acting threads are done: hanging tools and holding code may go on.</summary>
    public Task Settled => _settled.Task;

    public int ToolsStarted => Volatile.Read(ref _toolsStarted);

    public int ToolsEnded => Volatile.Read(ref _toolsEnded);

    /// <summary>The planned failures actually thrown, in no particular order.</summary>
    public IReadOnlyCollection<Exception> Thrown => _thrown;

    /// <summary>Whether an action that stops the run was issued (it may have landed after the run ended).</summary>
    public bool StopIssued => _stopIssued;

    /// <summary>Whether <c>DisposeAsync</c> was issued (it stops delivery even after a fault).</summary>
    public bool DisposeIssued => _disposeIssued;

    /// <summary>Whether a stop other than <see cref="CancelMode.AfterTurn"/> was issued.</summary>
    public bool ImmediateStopIssued => _immediateStopIssued;

    /// <summary>The actions in the order their threads issued them.</summary>
    public string IssuedOrder => string.Join(",", _issued);

    public void ToolStarted() => Interlocked.Increment(ref _toolsStarted);

    public void ToolEnded() => Interlocked.Increment(ref _toolsEnded);

    /// <summary>Records a planned failure just before it is thrown; returns it for <c>throw</c>.</summary>
    public Exception Throwing(Exception failure)
    {
        _thrown.Enqueue(failure);
        return failure;
    }

    /// <summary>Records an action about to be issued (stops are recorded before they can land).</summary>
    public void Issuing(ChaosAction action)
    {
        if (action.Stops)
        {
            _stopIssued = true;
        }

        if (action.StopsDelivery)
        {
            _immediateStopIssued = true;
        }

        if (action.Kind == ChaosActionKind.DisposeAsync)
        {
            _disposeIssued = true;
        }

        _issued.Enqueue(action.Kind.ToString());
    }

    public void Settle() => _settled.TrySetResult();
}
