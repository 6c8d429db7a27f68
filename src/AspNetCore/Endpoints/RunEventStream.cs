using System.Globalization;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using CancelGen.Logging;
using Microsoft.Extensions.Logging;

namespace CancelGen.Endpoints;

/// <summary>
/// One reader's server-sent events: a frame per run event (<c>id</c>, <c>event</c> = runtime type name,
/// <c>data</c> = JSON), an <c>event: gap</c> frame where the bounded log dropped events this reader never got, and a
/// last <c>event: end</c> frame with the status JSON. The formatter (<see cref="SseFormatter"/>) writes each line of
/// the data as its own <c>data:</c> line, so no event text can break the framing.
/// </summary>
internal static class RunEventStream
{
    /// <summary>The event type of the last frame.</summary>
    public const string EndEventType = "end";

    /// <summary>The event type of the frame that reports events the log no longer holds.</summary>
    public const string GapEventType = "gap";

    /// <summary>The frames for a reader that already has events up to <paramref name="afterEventId"/>.</summary>
    public static async IAsyncEnumerable<SseItem<string>> FramesAsync(
        IRegisteredRun run,
        long afterEventId,
        DisconnectPolicy disconnectPolicy,
        ILogger logger,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var ended = false;
        var next = afterEventId + 1;
        logger.ReaderAttached(run.Id, afterEventId);
        try
        {
            await foreach (var frame in run.ReadEventsAsync(afterEventId, cancellationToken).ConfigureAwait(false))
            {
                if (frame.Id > next)
                {
                    yield return Gap(next, frame.Id - 1);
                }

                yield return new SseItem<string>(frame.Data, frame.EventType) { EventId = Number(frame.Id) };
                next = frame.Id + 1;
            }

            var state = await run.GetStateAsync(cancellationToken).ConfigureAwait(false);
            ended = true;
            yield return new SseItem<string>(StatusDocument.Serialize(state), EndEventType);
        }
        finally
        {
            logger.ReaderLeft(run.Id, ended ? "end" : "disconnected");
            if (!ended && disconnectPolicy == DisconnectPolicy.Cancel)
            {
                logger.DisconnectCancels(run.Id);
                await CancelQuietlyAsync(run).ConfigureAwait(false);
            }
        }
    }

    private static SseItem<string> Gap(long from, long to) =>
        new($$"""{"from":{{Number(from)}},"to":{{Number(to)}}}""", GapEventType) { EventId = Number(to) };

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static async Task CancelQuietlyAsync(IRegisteredRun run)
    {
        try
        {
            await run.CancelAsync(CancelMode.Immediate, CancellationToken.None).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // A run that is gone (dropped, owner instance lost) has nothing left to cancel.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }
}
