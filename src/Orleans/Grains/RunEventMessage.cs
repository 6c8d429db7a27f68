using Orleans;

namespace CancelGen.Grains;

/// <summary>
/// One event on the wire: the event already serialized as JSON text with its type name, so the run's event type
/// never needs an Orleans serializer. The last message of a complete stream has <see cref="IsEnd"/> set and no event.
/// </summary>
[GenerateSerializer, Immutable]
internal sealed record RunEventMessage(
    [property: Id(0)] long Id,
    [property: Id(1)] string EventType,
    [property: Id(2)] string Data,
    [property: Id(3)] bool IsEnd)
{
    /// <summary>The end-of-stream marker.</summary>
    public static readonly RunEventMessage End = new(0, string.Empty, string.Empty, IsEnd: true);

    /// <summary>The message for <paramref name="frame"/>.</summary>
    public static RunEventMessage From(RunEventFrame frame) => new(frame.Id, frame.EventType, frame.Data, IsEnd: false);

    /// <summary>The frame this message carries.</summary>
    public RunEventFrame ToFrame() => new(Id, EventType, Data);
}
