using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;

namespace CancelGen.AspNetCore.Tests.Support;

/// <summary>Reads a run's event stream with the BCL's SSE parser, as a browser would.</summary>
public static class SseClient
{
    /// <summary>The frames of <c>GET /runs/{id}/events</c>, as they come.</summary>
    public static async IAsyncEnumerable<SseItem<string>> ReadAsync(
        HttpClient client,
        string id,
        string? lastEventIdHeader = null,
        string? query = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/runs/{id}/events{query}");
        if (lastEventIdHeader is not null)
        {
            request.Headers.TryAddWithoutValidation("Last-Event-ID", lastEventIdHeader);
        }

        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        response.EnsureSuccessStatusCode();
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        await foreach (var item in SseParser.Create(stream).EnumerateAsync(cancellationToken))
        {
            yield return item;
        }
    }

    /// <summary>Every frame up to and including the <c>end</c> frame.</summary>
    public static async Task<List<SseItem<string>>> ReadToEndAsync(HttpClient client, string id, string? lastEventIdHeader = null, string? query = null)
    {
        var frames = new List<SseItem<string>>();
        await foreach (var item in ReadAsync(client, id, lastEventIdHeader, query))
        {
            frames.Add(item);
            if (item.EventType == "end")
            {
                break;
            }
        }

        return frames;
    }

    /// <summary>The first <paramref name="count"/> frames, then the connection is closed.</summary>
    public static async Task<List<SseItem<string>>> ReadAndCutAsync(HttpClient client, string id, int count, string? lastEventIdHeader = null)
    {
        var frames = new List<SseItem<string>>();
        await foreach (var item in ReadAsync(client, id, lastEventIdHeader))
        {
            frames.Add(item);
            if (frames.Count == count)
            {
                break;
            }
        }

        return frames;
    }
}
