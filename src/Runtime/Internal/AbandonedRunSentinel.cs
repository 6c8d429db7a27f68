namespace CancelGen.Internal;

/// <summary>
/// The finalizable object behind the abandoned-run safety net. Only the handle references it, and it
/// references only the run's <see cref="AbandonLink"/>: nothing on the run's side (its code, its tracked
/// tasks, its timers, its context) can keep the handle alive, so when the handle becomes garbage this
/// sentinel does too, and its finalizer hands the run to its policy.
/// </summary>
/// <remarks>
/// The finalizer itself only takes the link and queues the policy to the thread pool: cancelling runs the
/// run's token callbacks, which must not run on (or block) the finalizer thread. Disposing or cancelling
/// through the handle suppresses the finalizer; a run that ends releases the link.
/// </remarks>
internal sealed class AbandonedRunSentinel
{
    private static readonly WaitCallback s_applyPolicy = static state => ((IAbandonableRun)state!).OnAbandoned();

    private readonly AbandonLink _link;

    public AbandonedRunSentinel(AbandonLink link)
    {
        _link = link;
    }

    ~AbandonedRunSentinel()
    {
        if (Environment.HasShutdownStarted)
        {
            return; // .NET Framework runs finalizers at shutdown: nothing was abandoned, the process is ending.
        }

        if (_link.Take() is { } run)
        {
            ThreadPool.UnsafeQueueUserWorkItem(s_applyPolicy, run);
        }
    }

    /// <summary>The handle released the run itself (dispose or cancel): there is nothing left to watch.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Usage", "CA1816", Justification = "The sentinel is not disposable: its finalizer is its only purpose, and the handle's dispose or cancel is what makes it unnecessary.")]
    public void Dismiss() => GC.SuppressFinalize(this);
}
