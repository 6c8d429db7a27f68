// [StreamingRun] methods written the way the rules ask: background work through run.Run / run.Track, the run's
// token passed on, timeouts linked to it, and callers that own the generated handles.
using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using CancelGen;

namespace RealWorld.Methods;

public sealed partial class ResearchAgent
{
    private readonly HttpClient _http;

    public ResearchAgent(HttpClient http) => _http = http;

    [StreamingRun]
    public async IAsyncEnumerable<string> ResearchAsync(string topic, RunContext run, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        var page = run.Run(ct => _http.GetStringAsync(new Uri("https://example.org/?q=" + Uri.EscapeDataString(topic)), ct), "search");
        var notes = run.Track(File.ReadAllTextAsync("notes.txt", timeout.Token), "notes");
        yield return (await page.ConfigureAwait(false)).Length.ToString(System.Globalization.CultureInfo.InvariantCulture);
        yield return await notes.ConfigureAwait(false);
        await run.EndTurnAsync().ConfigureAwait(false);
        await Task.Delay(10, cancellationToken).ConfigureAwait(false);
        yield return "done";
    }

    [StreamingRun(EventHistory = EventHistory.CurrentTurn)]
    public async Task<string> SummarizeAsync(IReadOnlyList<string> documents, RunContext<string> run, CancellationToken cancellationToken)
    {
        var lengths = new List<Task<int>>();
        foreach (var document in documents)
        {
            lengths.Add(run.Run(async ct =>
            {
                await Task.Delay(1, ct).ConfigureAwait(false);
                return document.Length;
            }, "measure"));
        }

        var all = await Task.WhenAll(lengths).ConfigureAwait(false);
        run.SaveProgress(all.Length);
        await run.EmitAsync($"{all.Length} documents").ConfigureAwait(false);
        return string.Join(",", all);
    }
}

public static class Callers
{
    public static async Task<int> ReadAllAsync(ResearchAgent agent, string topic, CancellationToken cancellationToken)
    {
        await using var run = agent.ResearchStreamed(topic, cancellationToken);
        var count = 0;
        await foreach (var _ in run.StreamEvents(cancellationToken))
        {
            count++;
        }

        return count;
    }

    public static async Task<string> SummaryAsync(ResearchAgent agent, IReadOnlyList<string> documents, CancellationToken cancellationToken)
    {
        await using var run = agent.SummarizeStreamed(documents, cancellationToken);
        return await run.FinalOutput.ConfigureAwait(false);
    }

    public static RunResultStreaming<string, string> SummaryLater(ResearchAgent agent, IReadOnlyList<string> documents) =>
        agent.SummarizeStreamed(documents);
}
