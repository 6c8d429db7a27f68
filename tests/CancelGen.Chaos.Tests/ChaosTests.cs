using System.Collections.Concurrent;
using System.Diagnostics;
using CancelGen.Chaos.Tests.Harness;
using Xunit.Abstractions;

namespace CancelGen.Chaos.Tests;

/// <summary>
/// The seeded chaos harness: thousands of runs of every shape (iterator, emitter, emitter with output, the
/// Extensions.AI adapter), each with random tools, consumer and actions from several threads, every invariant checked
/// after each run. Replay a failing run with <c>CANCELGEN_CHAOS_SEED=&lt;its seed&gt; CANCELGEN_CHAOS_RUNS=1</c>;
/// the long mode is <c>CANCELGEN_CHAOS_RUNS=1000000</c>.
/// </summary>
[Collection(ChaosCollection.Name)]
public class ChaosTests(ITestOutputHelper output)
{
    private const int CollectEvery = 2000;

    [Fact]
    public async Task Seeded_runs_of_every_shape_keep_every_invariant_whatever_the_interleaving()
    {
        var seed = ChaosSettings.Seed;
        var runs = ChaosSettings.Runs;
        var failures = new ConcurrentQueue<string>();
        var kinds = new ConcurrentDictionary<string, int>();
        var interleavings = new ConcurrentDictionary<string, int>();
        var statuses = new ConcurrentDictionary<string, int>();
        var clock = Stopwatch.StartNew();

        using var unobserved = new UnobservedExceptionWatch();
        using var gauges = new LiveGauges();
        using (var probe = new ThreadPoolProbe())
        {
            for (var batchStart = 0; batchStart < runs; batchStart += CollectEvery)
            {
                var batch = Enumerable.Range(batchStart, Math.Min(CollectEvery, runs - batchStart));
                await Parallel.ForEachAsync(batch, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (index, _) =>
                {
                    var scenario = ChaosScenario.Generate(unchecked(seed + (index / ChaosSettings.Repeat)));
                    kinds.TryAdd(scenario.Kind, 0);
                    try
                    {
                        var interleaving = await ChaosDriver.PlayAsync(scenario);
                        interleavings.AddOrUpdate(interleaving, 1, (_, n) => n + 1);
                        statuses.AddOrUpdate(interleaving.Split('|')[3], 1, (_, n) => n + 1);
                    }
                    catch (Exception ex)
                    {
                        failures.Enqueue($"{scenario.Describe()}\n  -> {ex.GetType().Name}: {ex.Message}\n  replay: CANCELGEN_CHAOS_SEED={scenario.Seed} CANCELGEN_CHAOS_RUNS=1");
                    }
                });

                UnobservedExceptionWatch.CollectNow();
                if (!failures.IsEmpty)
                {
                    break;
                }
            }

            output.WriteLine($"seed {seed}: {runs} runs in {clock.Elapsed.TotalSeconds:F1} s; {kinds.Count} scenario kinds, {interleavings.Count} distinct interleavings observed");
            output.WriteLine($"statuses: {string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key} {s.Value}"))}");
            output.WriteLine($"thread pool: longest probe wait {probe.LongestWait.TotalMilliseconds:F0} ms over {probe.Samples} samples");
            Assert.True(failures.IsEmpty, $"{failures.Count} run(s) broke an invariant:\n{string.Join("\n", failures.Take(5))}");
            Assert.True(probe.LongestWait < ChaosSettings.StarvationBound, $"the thread pool was starved: a probe waited {probe.LongestWait.TotalMilliseconds:F0} ms");
        }

        UnobservedExceptionWatch.CollectNow();
        Assert.True(gauges.Unbalanced().Count == 0, $"runs or tasks still counted as live after every run ended: {string.Join(", ", gauges.Unbalanced())}");
        Assert.True(unobserved.Seen.Count == 0, $"unobserved task exceptions: {string.Join("; ", unobserved.Seen.Take(3))}");
    }
}
