namespace CancelGen.Internal;

/// <summary>
/// The one path from a handle's <see cref="AbandonedRunSentinel"/> to its run. The run releases it as soon as
/// it is decided or ended, so a finalizer that comes later finds nothing to do and keeps nothing alive: the
/// sentinel references this small object, never the run itself.
/// </summary>
internal sealed class AbandonLink
{
    private IAbandonableRun? _run;

    public AbandonLink(IAbandonableRun run)
    {
        _run = run;
    }

    /// <summary>Cuts the link: the run no longer needs the safety net.</summary>
    public void Release() => Volatile.Write(ref _run, null);

    /// <summary>The run, for the one caller that takes it first; <see langword="null"/> once released or taken.</summary>
    public IAbandonableRun? Take() => Interlocked.Exchange(ref _run, null);
}
