using System.Text.Json;

namespace CancelGen.Local;

/// <summary>Turns an event into a frame's type name and JSON, by its runtime type, with the app's options (no type names in the JSON).</summary>
/// <param name="options">The serializer options.</param>
internal sealed class RunEventSerializer(JsonSerializerOptions options)
{
    /// <summary>The event's runtime type name (the SSE <c>event:</c> field).</summary>
    public static string TypeName(object item) => item.GetType().Name;

    /// <summary>The event as JSON.</summary>
    public string Serialize(object item) => JsonSerializer.Serialize(item, item.GetType(), options);
}
