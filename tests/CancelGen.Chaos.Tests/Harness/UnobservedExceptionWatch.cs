using System.Collections.Concurrent;

namespace CancelGen.Chaos.Tests.Harness;

/// <summary>Collects every <see cref="TaskScheduler.UnobservedTaskException"/> while it lives; <see cref="CollectNow"/> forces the finalizers that raise them.</summary>
internal sealed class UnobservedExceptionWatch : IDisposable
{
    private readonly ConcurrentQueue<Exception> _seen = new();

    public UnobservedExceptionWatch() => TaskScheduler.UnobservedTaskException += OnUnobserved;

    public IReadOnlyCollection<Exception> Seen => _seen;

    public static void CollectNow()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    public void Dispose() => TaskScheduler.UnobservedTaskException -= OnUnobserved;

    private void OnUnobserved(object? sender, UnobservedTaskExceptionEventArgs e) => _seen.Enqueue(e.Exception);
}
