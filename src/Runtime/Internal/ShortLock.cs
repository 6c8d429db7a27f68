using System.Runtime.CompilerServices;

namespace CancelGen.Internal;

/// <summary>
/// A non-reentrant lock for critical sections of a few instructions that never block, wait or call out
/// (<see cref="EventBuffer{TEvent}"/>'s). Taking it free is one compare-exchange and releasing it one store, where a
/// <see langword="lock"/> statement costs two runtime calls; per event that was most of the emit path's time.
/// </summary>
/// <remarks>
/// A thread that finds it taken spins, then yields its time slice, until it is free (it never sleeps a fixed time, and
/// it never blocks on a kernel object, so a critical section must stay short and must not take this lock again).
/// A mutable struct: keep it in a field and never copy it.
/// </remarks>
internal struct ShortLock
{
    private int _taken;

    /// <summary>Takes the lock, spinning and yielding while another thread holds it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Enter()
    {
        if (Interlocked.CompareExchange(ref _taken, 1, 0) != 0)
        {
            EnterContended();
        }
    }

    /// <summary>Releases the lock (a release store: what the holder wrote is visible to the next holder).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Exit() => Volatile.Write(ref _taken, 0);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void EnterContended()
    {
        var spinner = default(SpinWait);
        do
        {
#if NET
            spinner.SpinOnce(sleep1Threshold: -1);
#else
            spinner.SpinOnce();
#endif
        }
        while (Volatile.Read(ref _taken) != 0 || Interlocked.CompareExchange(ref _taken, 1, 0) != 0);
    }
}
