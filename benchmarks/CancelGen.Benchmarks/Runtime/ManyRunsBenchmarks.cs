using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace CancelGen.Benchmarks.Runtime;

/// <summary>
/// Many live idle runs, against (baseline) the same number of bare <c>CancellationTokenSource</c> + <c>Task.Run</c>
/// waiting on its token. <c>Start</c>: starting N runs that stay live and idle (the iteration's cleanup cancels them);
/// its <c>Allocated</c> divided by N is the memory a live idle run holds. <c>StartThenCancelAll</c>: starting N runs,
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

    [Params(10_000, 100_000)]
    public int Runs { get; set; }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("start")]
    public void BareStart()
    {
        for (var i = 0; i < Runs; i++)
        {
            var cts = new CancellationTokenSource();
            var token = cts.Token;
            _sources.Add(cts);
            _tasks.Add(Task.Run(() => Waits.UntilCancelled(token)));
        }
    }

    [Benchmark]
    [BenchmarkCategory("start")]
    public void RunStart()
    {
        for (var i = 0; i < Runs; i++)
        {
            _runs.Add(RunResultStreaming.Start<int>((ctx, ct) => Waits.UntilCancelled(ct)));
        }
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
