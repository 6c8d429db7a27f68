using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Net.ServerSentEvents;
using System.Text.Json;
using CancelGen.Local;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace CancelGen.AspNetCore.Tests;

/// <summary>
/// Many concurrent runs streamed over SSE through real HTTP (Kestrel on a loopback port), half cancelled midway.
/// Short mode in CI; <c>CANCELGEN_LOAD_RUNS</c> / <c>CANCELGEN_LOAD_EVENTS</c> set the long mode's size.
/// </summary>
[Trait("Category", "Load")]
public sealed class LoadTests(ITestOutputHelper output)
{
    private static int Runs => EnvironmentNumber("CANCELGEN_LOAD_RUNS", 1000);

    private static int EventsPerRun => EnvironmentNumber("CANCELGEN_LOAD_EVENTS", 20);

    [Fact]
    public async Task Concurrent_runs_over_sse_half_cancelled_midway_all_end_right_and_leave_nothing_behind()
    {
        var runs = Runs;
        var events = EventsPerRun;
        var half = events / 2;
        var midway = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var handles = new ConcurrentDictionary<string, RunResultStreaming<TextDelta>>(StringComparer.Ordinal);
        await using var app = await StartKestrelAsync(handles, midway.Task, half, events);
        var registry = app.Services.GetRequiredService<LocalRunRegistry>();
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = int.MaxValue, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
        {
            BaseAddress = new Uri(app.Urls.Single()),
            Timeout = Timeout.InfiniteTimeSpan,
            // One connection per request, closed after it: what stays after the runs is theirs, not idle keep-alive connections.
            DefaultRequestHeaders = { ConnectionClose = true },
        };

        // Warm up (JIT, connection pool), then the baseline.
        var warmup = await StartRunAsync(client);
        var warmupMidway = await ReadUntilAsync(client, warmup, half);
        await client.PostAsync($"/runs/{warmup}/cancel", null);
        await warmupMidway.Rest;
        await WaitUntilEmptyAsync(registry);
        handles.Clear();
        var baseline = MeasureMemory();

        var clock = Stopwatch.StartNew();
        var ids = await Task.WhenAll(Enumerable.Range(0, runs).Select(_ => StartRunAsync(client)));
        var readers = await Task.WhenAll(ids.Select(id => ReadUntilAsync(client, id, half)));
        var live = MeasureMemory();
        var cancelled = ids.Where((_, i) => i % 2 == 0).ToHashSet(StringComparer.Ordinal);
        await Task.WhenAll(cancelled.Select(async id => (await client.PostAsync($"/runs/{id}/cancel", null)).EnsureSuccessStatusCode()));
        midway.SetResult();
        var ends = await Task.WhenAll(readers.Select(r => r.Rest));
        clock.Stop();

        for (var i = 0; i < runs; i++)
        {
            var (status, numbers) = ends[i];
            var wasCancelled = cancelled.Contains(ids[i]);
            Assert.Equal(wasCancelled ? "cancelled" : "completed", status);
            Assert.Equal(Enumerable.Range(1, numbers.Count).Select(n => (long)n), numbers);
            Assert.True(wasCancelled ? numbers.Count >= half : numbers.Count == events, $"run {i}: {numbers.Count} events");
            var handle = handles[ids[i]];
            Assert.Empty(handle.TrackedTasks);
            Assert.True(handle.Completion.IsCompleted);
        }

        var delivered = ends.Sum(e => (long)e.Numbers.Count);
        var dropped = handles.Values.Select(h => new WeakReference(h)).ToList();
        handles.Clear();
        ends = [];
        readers = [];
        await WaitUntilEmptyAsync(registry);
        var after = await MeasureWhenCollectedAsync(dropped);

        var perLiveRun = (live - baseline) / (double)runs;
        var seconds = clock.Elapsed.TotalSeconds;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"runs={runs} events/run={events} elapsed={seconds:F2}s runs/s={runs / seconds:F0} events/s={delivered / seconds:F0} " +
            $"memory: baseline={baseline / 1024.0:F0} KiB live={live / 1024.0:F0} KiB per-live-run={perLiveRun / 1024.0:F1} KiB after={after / 1024.0:F0} KiB"));
        Assert.Equal(0, registry.Count);
        Assert.Equal(0, dropped.Count(w => w.IsAlive));
        // "Back near start": every run is collected (above); what the heap still holds beyond the baseline is pools sized
        // by the peak (Kestrel's block pool keeps a block per peak connection, array pools), well under what the live runs held.
        Assert.True(after - baseline < (live - baseline) / 4, $"memory did not come back: baseline {baseline}, live {live}, after {after}");
    }

    private static async Task<WebApplication> StartKestrelAsync(ConcurrentDictionary<string, RunResultStreaming<TextDelta>> handles, Task midway, int half, int events)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddStreamingRuns(o =>
        {
            o.EndedRunRetention = TimeSpan.Zero;
            o.MaxRunsPerOwner = null;
        });
        var app = builder.Build();
        app.MapPost("/start", (HttpContext context, IRunRegistry registry) =>
        {
            var run = RunResultStreaming.Start<TextDelta>(async (run, cancellationToken) =>
            {
                var tool = run.Run(token => midway.WaitAsync(token), "tool");
                for (var i = 1; i <= half; i++)
                {
                    await run.EmitAsync(new TextDelta($"token {i} "));
                }

                await tool;
                for (var i = half + 1; i <= events; i++)
                {
                    await run.EmitAsync(new TextDelta($"token {i} "));
                }
            });
            var id = registry.Add(run, context);
            handles[id] = run;
            return TypedResults.Ok(new TestApp.StartAnswer(id));
        });
        app.MapStreamingRuns();
        await app.StartAsync();
        return app;
    }

    private static async Task<string> StartRunAsync(HttpClient client)
    {
        var response = await client.PostAsync("/start", null);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<TestApp.StartAnswer>())!.Id;
    }

    /// <summary>Opens the stream; completes once <paramref name="count"/> events came, with a task for the rest (end status, event numbers).</summary>
    private static async Task<Reader> ReadUntilAsync(HttpClient client, string id, int count)
    {
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var rest = Task.Run(async () =>
        {
            var numbers = new List<long>();
            using var response = await client.GetAsync($"/runs/{id}/events", HttpCompletionOption.ResponseHeadersRead);
            response.EnsureSuccessStatusCode();
            await using var stream = await response.Content.ReadAsStreamAsync();
            await foreach (var item in SseParser.Create(stream).EnumerateAsync())
            {
                if (item.EventType == "end")
                {
                    reached.TrySetResult();
                    using var end = JsonDocument.Parse(item.Data);
                    return (end.RootElement.GetProperty("status").GetString()!, numbers);
                }

                numbers.Add(long.Parse(item.EventId!, CultureInfo.InvariantCulture));
                if (numbers.Count == count)
                {
                    reached.TrySetResult();
                }
            }

            throw new InvalidOperationException($"Run {id}: the stream ended without an end frame.");
        });
        await Task.WhenAny(reached.Task, rest);
        return new Reader(rest);
    }

    private static async Task WaitUntilEmptyAsync(LocalRunRegistry registry)
    {
        // The registry drops a run right after its end frame's log completes; wait for that bookkeeping to settle.
        for (var i = 0; registry.Count > 0; i++)
        {
            Assert.True(i < 3000, $"{registry.Count} runs still held");
            await Task.Delay(10);
        }
    }

    /// <summary>
    /// The heap once every dropped run has been collected. The server lets go of a run's last reader only when it has torn
    /// down that reader's connection, which happens on its own after the client closed it: collect until that is done.
    /// </summary>
    private static async Task<long> MeasureWhenCollectedAsync(List<WeakReference> dropped)
    {
        for (var attempt = 0; ; attempt++)
        {
            var heap = MeasureMemory();
            if (!dropped.Any(w => w.IsAlive) || attempt == 400)
            {
                return heap;
            }

            await Task.Delay(25);
        }
    }

    private static long MeasureMemory()
    {
        for (var i = 0; i < 3; i++)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }

        return GC.GetGCMemoryInfo(GCKind.FullBlocking).HeapSizeBytes;
    }

    private static int EnvironmentNumber(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 1 ? value : fallback;

    private sealed record Reader(Task<(string Status, List<long> Numbers)> Rest);
}
