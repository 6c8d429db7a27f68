using System.Text;

namespace CancelGen.Benchmarks;

/// <summary>
/// The synthetic project <see cref="AnalyzerCostBenchmarks"/> compiles: <see cref="FileCount"/> files of
/// <see cref="ClassesPerFile"/> classes of ordinary async code (Task/ValueTask, async iterators, <c>await foreach</c>,
/// LINQ, locals). Every <see cref="RuntimeFileEvery"/>th file also uses the CancelGen runtime in a few of its
/// classes: runs started with <c>RunResultStreaming.Start</c> and read with <c>await foreach</c>, and
/// <c>[StreamingRun]</c> methods taking a <c>RunContext</c>. A few of those (one class in every other runtime file)
/// carry the mistakes the rules report, so the rules find something, as they would in a real code base.
/// </summary>
internal static class AnalyzerCorpus
{
    public const int FileCount = 40;

    public const int ClassesPerFile = 10;

    public const int RuntimeFileEvery = 4;

    private const int OrdinaryKinds = 8;

    private const int RuntimeKinds = 5;

    /// <summary>Builds the corpus: (file name, source, uses the CancelGen runtime).</summary>
    public static IReadOnlyList<(string Path, string Source, bool UsesRuntime)> Build()
    {
        var files = new List<(string, string, bool)>(FileCount);
        var runtimeClass = 0;
        for (var file = 0; file < FileCount; file++)
        {
            var usesRuntime = file % RuntimeFileEvery == 0;
            var source = new StringBuilder();
            source.Append("using System;\n")
                .Append("using System.Collections.Generic;\n")
                .Append("using System.Linq;\n")
                .Append("using System.Runtime.CompilerServices;\n")
                .Append("using System.Threading;\n")
                .Append("using System.Threading.Tasks;\n");
            if (usesRuntime)
            {
                source.Append("using CancelGen;\n");
            }

            source.Append('\n').Append("namespace Corpus.F").Append(file).Append(";\n\n");
            source.Append("public sealed record Item(int Id, string Name, double Price);\n\n");

            for (var cls = 0; cls < ClassesPerFile; cls++)
            {
                var suffix = $"{file}_{cls}";
                if (usesRuntime && cls == ClassesPerFile - 1 && file % (2 * RuntimeFileEvery) == 0)
                {
                    source.Append(Sloppy(suffix));
                }
                else if (usesRuntime && cls % 3 == 1)
                {
                    source.Append(Runtime(runtimeClass++ % RuntimeKinds, suffix));
                }
                else
                {
                    source.Append(Ordinary((file + cls) % OrdinaryKinds, suffix));
                }

                source.Append('\n');
            }

            files.Add(($"F{file:D2}.cs", source.ToString(), usesRuntime));
        }

        return files;
    }

    private static string Ordinary(int kind, string s) => kind switch
    {
        0 => $$"""
            public sealed class OrderRepository{{s}}
            {
                private readonly List<Item> _items = Enumerable.Range(0, 50).Select(n => new Item(n, "item" + n, n * 1.5)).ToList();

                public async Task<IReadOnlyList<Item>> FindAsync(string prefix, CancellationToken cancellationToken)
                {
                    await Task.Delay(1, cancellationToken).ConfigureAwait(false);
                    var matches = _items.Where(x => x.Name.StartsWith(prefix, StringComparison.Ordinal)).OrderBy(x => x.Price).ToList();
                    return matches;
                }

                public async ValueTask<double> TotalAsync(CancellationToken cancellationToken)
                {
                    var items = await FindAsync("item", cancellationToken).ConfigureAwait(false);
                    var total = 0.0;
                    foreach (var item in items)
                    {
                        total += item.Price;
                    }

                    return total;
                }
            }

            """,
        1 => $$"""
            public sealed class PriceFeed{{s}}
            {
                public async IAsyncEnumerable<double> PricesAsync(int count, [EnumeratorCancellation] CancellationToken cancellationToken = default)
                {
                    for (var n = 0; n < count; n++)
                    {
                        await Task.Yield();
                        cancellationToken.ThrowIfCancellationRequested();
                        yield return n * 0.25;
                    }
                }

                public async Task<double> AverageAsync(int count, CancellationToken cancellationToken)
                {
                    var sum = 0.0;
                    var seen = 0;
                    await foreach (var price in PricesAsync(count, cancellationToken).ConfigureAwait(false))
                    {
                        sum += price;
                        seen++;
                    }

                    return seen == 0 ? 0 : sum / seen;
                }
            }

            """,
        2 => $$"""
            public static class Fanout{{s}}
            {
                public static async Task<int[]> FetchAllAsync(IEnumerable<int> ids, CancellationToken cancellationToken)
                {
                    var tasks = ids.Select(id => FetchAsync(id, cancellationToken)).ToArray();
                    return await Task.WhenAll(tasks).ConfigureAwait(false);
                }

                private static async Task<int> FetchAsync(int id, CancellationToken cancellationToken)
                {
                    await Task.Delay(id % 3, cancellationToken).ConfigureAwait(false);
                    return id * 2;
                }
            }

            """,
        3 => $$"""
            public sealed class Report{{s}}
            {
                public string Summarize(IEnumerable<Item> items)
                {
                    var groups = items
                        .GroupBy(x => x.Id % 4)
                        .Select(g => new { g.Key, Count = g.Count(), Max = g.Max(x => x.Price) })
                        .OrderByDescending(g => g.Count);
                    var lines = new List<string>();
                    foreach (var g in groups)
                    {
                        lines.Add($"{g.Key}: {g.Count} (max {g.Max:F2})");
                    }

                    return string.Join(Environment.NewLine, lines);
                }

                public Dictionary<string, double> ByName(IEnumerable<Item> items) =>
                    items.Where(x => x.Price > 0).ToDictionary(x => x.Name, x => x.Price, StringComparer.Ordinal);
            }

            """,
        4 => $$"""
            public sealed class Worker{{s}} : IDisposable
            {
                private readonly SemaphoreSlim _gate = new(2);

                public async Task<int> ProcessAsync(IReadOnlyList<int> values, CancellationToken cancellationToken)
                {
                    await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
                    try
                    {
                        return await Task.Run(() => values.Where(v => v % 2 == 0).Sum(), cancellationToken).ConfigureAwait(false);
                    }
                    finally
                    {
                        _gate.Release();
                    }
                }

                public void Dispose() => _gate.Dispose();
            }

            """,
        5 => $$"""
            public sealed class Cache{{s}}
            {
                private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

                public ValueTask<string> GetAsync(string key, CancellationToken cancellationToken)
                {
                    if (_values.TryGetValue(key, out var value))
                    {
                        return new ValueTask<string>(value);
                    }

                    return new ValueTask<string>(LoadAsync(key, cancellationToken));
                }

                private async Task<string> LoadAsync(string key, CancellationToken cancellationToken)
                {
                    await Task.Delay(1, cancellationToken).ConfigureAwait(false);
                    var value = key.ToUpperInvariant();
                    _values[key] = value;
                    return value;
                }
            }

            """,
        6 => $$"""
            public static class Retry{{s}}
            {
                public static async Task<T> WithRetryAsync<T>(Func<CancellationToken, Task<T>> action, int attempts, CancellationToken cancellationToken)
                {
                    for (var attempt = 1; ; attempt++)
                    {
                        try
                        {
                            return await action(cancellationToken).ConfigureAwait(false);
                        }
                        catch (InvalidOperationException) when (attempt < attempts)
                        {
                            await Task.Delay(TimeSpan.FromMilliseconds(10 * attempt), cancellationToken).ConfigureAwait(false);
                        }
                    }
                }
            }

            """,
        _ => $$"""
            public sealed class Pipeline{{s}}
            {
                public async IAsyncEnumerable<string> TransformAsync(IAsyncEnumerable<int> source, [EnumeratorCancellation] CancellationToken cancellationToken = default)
                {
                    await foreach (var value in source.WithCancellation(cancellationToken).ConfigureAwait(false))
                    {
                        var label = value switch { < 0 => "negative", 0 => "zero", < 10 => "small", _ => "large" };
                        yield return Describe(value, label);
                    }

                    static string Describe(int v, string l) => $"{v}:{l}";
                }
            }

            """,
    };

    private static string Runtime(int kind, string s) => kind switch
    {
        0 => $$"""
            public sealed class RunConsumer{{s}}
            {
                public async Task<int> CountCharsAsync(int count, CancellationToken cancellationToken)
                {
                    await using var run = RunResultStreaming.Start<string>((ctx, ct) => LinesAsync(count, ct), cancellationToken: cancellationToken);
                    var total = 0;
                    await foreach (var line in run.StreamEvents(cancellationToken))
                    {
                        total += line.Length;
                    }

                    return total;
                }

                private static async IAsyncEnumerable<string> LinesAsync(int count, [EnumeratorCancellation] CancellationToken cancellationToken)
                {
                    for (var n = 0; n < count; n++)
                    {
                        await Task.Delay(1, cancellationToken).ConfigureAwait(false);
                        yield return "line " + n;
                    }
                }
            }

            """,
        1 => $$"""
            public sealed class RunProducer{{s}}
            {
                public async Task<List<string>> CollectAsync(IReadOnlyList<string> inputs, CancellationToken cancellationToken)
                {
                    await using var run = RunResultStreaming.Start<string>(async (ctx, ct) =>
                    {
                        foreach (var input in inputs)
                        {
                            await ctx.EmitAsync(input.Trim()).ConfigureAwait(false);
                        }

                        await ctx.Run(async token => await Task.Delay(1, token).ConfigureAwait(false), "flush").ConfigureAwait(false);
                    }, cancellationToken: cancellationToken);
                    var results = new List<string>();
                    await foreach (var e in run.StreamEvents(cancellationToken))
                    {
                        results.Add(e);
                    }

                    return results;
                }
            }

            """,
        2 => $$"""
            public sealed class RunWithOutput{{s}}
            {
                public async Task<int> SumAsync(int count, CancellationToken cancellationToken)
                {
                    var run = RunResultStreaming.Start<int, int>(async (ctx, ct) =>
                    {
                        var sum = 0;
                        for (var n = 0; n < count; n++)
                        {
                            sum += n;
                            await ctx.EmitAsync(n).ConfigureAwait(false);
                            ctx.SaveProgress(sum);
                        }

                        return sum;
                    });
                    try
                    {
                        await foreach (var e in run.StreamEvents(cancellationToken))
                        {
                            if (e > 100)
                            {
                                break;
                            }
                        }

                        return await run.FinalOutput.ConfigureAwait(false);
                    }
                    finally
                    {
                        await run.CancelAsync().ConfigureAwait(false);
                    }
                }
            }

            """,
        3 => $$"""
            public sealed partial class Agent{{s}}
            {
                [StreamingRun]
                public async IAsyncEnumerable<string> AnswerAsync(string question, RunContext run, [EnumeratorCancellation] CancellationToken cancellationToken)
                {
                    var words = question.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    foreach (var word in words)
                    {
                        await Task.Delay(1, cancellationToken).ConfigureAwait(false);
                        yield return word.ToUpperInvariant();
                    }

                    var lookup = await run.Run(async ct =>
                    {
                        await Task.Delay(1, ct).ConfigureAwait(false);
                        return words.Length;
                    }, "lookup").ConfigureAwait(false);
                    yield return $"{lookup} words";
                    await run.EndTurnAsync().ConfigureAwait(false);
                }
            }

            """,
        _ => $$"""
            public sealed partial class Planner{{s}}
            {
                [StreamingRun(EventHistory = EventHistory.CurrentTurn)]
                public async Task<int> PlanAsync(IReadOnlyList<string> steps, RunContext<string> run, CancellationToken cancellationToken)
                {
                    var done = 0;
                    foreach (var step in steps.Where(x => x.Length > 0))
                    {
                        await run.EmitAsync("start " + step).ConfigureAwait(false);
                        var work = run.Track(Task.Run(() => step.Length, cancellationToken), step);
                        done += await work.ConfigureAwait(false);
                        run.SaveProgress(done);
                        await run.EndTurnAsync().ConfigureAwait(false);
                    }

                    return done;
                }
            }

            """,
    };

    // The mistakes the rules exist for: CG0004 (token not passed), CG0003 (work escapes), CG0001 (run not disposed).
    private static string Sloppy(string s) => $$"""
        public sealed partial class Ticker{{s}}
        {
            [StreamingRun]
            public async IAsyncEnumerable<int> TicksAsync(int count, RunContext run, [EnumeratorCancellation] CancellationToken cancellationToken)
            {
                for (var n = 0; n < count; n++)
                {
                    await Task.Delay(10).ConfigureAwait(false);
                    yield return n + run.CurrentTurn;
                }

                _ = Task.Run(() => Console.WriteLine("done"));
            }

            public static async Task<int> FirstAsync(CancellationToken cancellationToken)
            {
                var run = RunResultStreaming.Start<int>((ctx, ct) => NumbersAsync(ct));
                await foreach (var e in run.StreamEvents(cancellationToken))
                {
                    return e;
                }

                return -1;
            }

            private static async IAsyncEnumerable<int> NumbersAsync([EnumeratorCancellation] CancellationToken cancellationToken)
            {
                await Task.Yield();
                yield return 1;
            }
        }

        """;
}
