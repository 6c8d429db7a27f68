using System.Net.ServerSentEvents;

namespace CancelGen.Orleans.Tests.Support;

/// <summary>A reader of one run's events that lets the test wait until it has received a number of frames.</summary>
public sealed class Reader
{
    private readonly List<SseItem<string>> _frames = [];
    private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private Reader(HttpClient client, string id, int waitFor)
    {
        Finished = Task.Run(async () =>
        {
            await foreach (var frame in SseClient.ReadAsync(client, id))
            {
                lock (_frames)
                {
                    _frames.Add(frame);
                }

                if (_frames.Count >= waitFor)
                {
                    _reached.TrySetResult();
                }

                if (frame.EventType == "end")
                {
                    break;
                }
            }

            _reached.TrySetResult();
            return (IReadOnlyList<SseItem<string>>)_frames;
        });
    }

    /// <summary>Completes when the stream has ended (after its <c>end</c> frame), with every frame.</summary>
    public Task<IReadOnlyList<SseItem<string>>> Finished { get; }

    /// <summary>Completes once the reader has received the frames the test waits for (or the stream ended).</summary>
    public Task Reached => _reached.Task;

    /// <summary>Starts reading <paramref name="id"/> through <paramref name="client"/>.</summary>
    public static Reader Start(HttpClient client, string id, int waitFor) => new(client, id, waitFor);
}
