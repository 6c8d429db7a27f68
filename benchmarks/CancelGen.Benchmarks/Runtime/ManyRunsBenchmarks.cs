using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace CancelGen.Benchmarks.Runtime;

/// <summary>
/// Many live idle runs, against (baseline) the same number of bare <c>CancellationTokenSource</c> + <c>Task.Run</c>
/// waiting on its token. <c>Start</c>: starting N runs and waiting until the code of every one has started and is
/// awaiting (so everything a live idle run holds was allocated inside the operation, on either side); the runs stay
/// live and idle until the iteration's cleanup cancels them, and <c>Allocated</c> divided by N is the memory a live
/// idle run holds. <c>StartThenCancelAll</c>: starting N runs,
/// then cancelling all of them and waiting until every one has ended. N = 10,000 and 100,000 shows whether time and
/// memory are linear in N. The iteration cleanup makes BenchmarkDotNet run one operation per iteration (each is
/// milliseconds to seconds long).
/// </summary>
[MemoryDiagnoser]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory, BenchmarkLogicalGroupRule.ByParams)]
public class ManyRunsBenchmarks
{
    private readonly List<CancellationTokenSource> _sources = [];
    private readonly List<Task> _tasks = [];
    private readonly List<RunResultStreaming<int>> _runs = [];
    private int _started;

    [Params(10_000, 100_000)]
    public int Runs { get; set; }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("start")]
    public void BareStart()
    {
        _started = 0;
        for (var i = 0; i < Runs; i++)
        {
            var cts = new CancellationTokenSource();
            var token = cts.Token;
            _sources.Add(cts);
            _tasks.Add(Task.Run(() =>
            {
                Interlocked.Increment(ref _started);
                return Waits.UntilCancelled(token);
            }));
        }

        WaitUntilAllStarted();
    }

    [Benchmark]
    [BenchmarkCategory("start")]
    public void RunStart()
    {
        _started = 0;
        for (var i = 0; i < Runs; i++)
        {
            _runs.Add(RunResultStreaming.Start<int>((ctx, ct) =>
            {
                Interlocked.Increment(ref _started);
                return Waits.UntilCancelled(ct);
            }));
        }

        WaitUntilAllStarted();
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("start, cancel all")]
    public async Task BareStartThenCancelAll()
    {
        BareStart();
        await CancelBareAsync();
    }

    [Benchmark]
    [BenchmarkCategory("start, cancel all")]
    public async Task RunStartThenCancelAll()
    {
        RunStart();
        await CancelRunsAsync();
    }

    // Each start counts itself before its code reaches its first await (Task.Delay completes nothing at once): the
    // await itself, and what it allocates, follows on the same thread before the next work item is taken.
    private void WaitUntilAllStarted()
    {
        var spinner = default(SpinWait);
        while (Volatile.Read(ref _started) < Runs)
        {
            spinner.SpinOnce();
        }
    }

    [IterationCleanup]
    public void Cleanup()
    {
        CancelBareAsync().GetAwaiter().GetResult();
        CancelRunsAsync().GetAwaiter().GetResult();
    }

    private async Task CancelBareAsync()
    {
        foreach (var source in _sources)
        {
            source.Cancel();
        }

        await Task.WhenAll(_tasks);
        foreach (var source in _sources)
        {
            source.Dispose();
        }

        _sources.Clear();
        _tasks.Clear();
    }

    private async Task CancelRunsAsync()
    {
        var ended = new Task[_runs.Count];
        for (var i = 0; i < _runs.Count; i++)
        {
            ended[i] = _runs[i].CancelAsync();
        }

        await Task.WhenAll(ended);
        _runs.Clear();
    }
}
