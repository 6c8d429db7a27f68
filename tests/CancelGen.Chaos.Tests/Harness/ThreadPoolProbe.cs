using System.Diagnostics;

namespace CancelGen.Chaos.Tests.Harness;

/// <summary>
/// Measures, from a dedicated thread, how long a work item queued to the thread pool waits before it runs: a
/// starved pool (threads blocked by the code under test) shows as a long wait.
/// </summary>
internal sealed class ThreadPoolProbe : IDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(20);
    private readonly Thread _thread;
    private readonly ManualResetEventSlim _stop = new();
    private long _maxTicks;
    private int _samples;

    public ThreadPoolProbe()
    {
        _thread = new Thread(Probe) { IsBackground = true, Name = "thread-pool probe" };
        _thread.Start();
    }

    /// <summary>The longest a probe work item waited for a pool thread.</summary>
    public TimeSpan LongestWait => TimeSpan.FromTicks(Interlocked.Read(ref _maxTicks));

    public int Samples => Volatile.Read(ref _samples);

    private void Probe()
    {
        using var ran = new ManualResetEventSlim();
        while (!_stop.IsSet)
        {
            ran.Reset();
            var collections = GC.CollectionCount(2);
            var queuedAt = Stopwatch.GetTimestamp();
            ThreadPool.UnsafeQueueUserWorkItem(static state => ((ManualResetEventSlim)state!).Set(), ran);
            ran.Wait();
            var waited = Stopwatch.GetElapsedTime(queuedAt);

            // A full (blocking) collection stops every thread, the probe's included: that wait is not starvation.
            if (GC.CollectionCount(2) == collections)
            {
                if (waited.Ticks > Interlocked.Read(ref _maxTicks))
                {
                    Interlocked.Exchange(ref _maxTicks, waited.Ticks);
                }

                Interlocked.Increment(ref _samples);
            }

            // The probe's sampling interval; this dedicated thread is not a pool thread, so waiting here starves nothing.
            _stop.Wait(Interval);
        }
    }

    public void Dispose()
    {
        _stop.Set();
        _thread.Join();
        _stop.Dispose();
    }
}
