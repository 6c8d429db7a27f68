namespace CancelGen;

/// <summary>One event of a registered run, already serialized: the unit the event log keeps and the SSE endpoint sends.</summary>
/// <param name="Id">The event's number within its run, from 1, without gaps.</param>
/// <param name="EventType">The event's runtime type name (the SSE <c>event:</c> field).</param>
/// <param name="Data">The event as JSON, serialized with the registry's <see cref="System.Text.Json.JsonSerializerOptions"/>.</param>
public sealed record RunEventFrame(long Id, string EventType, string Data);
