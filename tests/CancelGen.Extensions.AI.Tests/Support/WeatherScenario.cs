using Microsoft.Extensions.AI;

namespace CancelGen.Extensions.AI.Tests.Support;

/// <summary>
/// The scenario most tests share: asked "Weather?", the model calls <c>get_weather</c> (after an optional opening
/// chunk of text), then answers "Sunny."; the tool waits on a gate and returns "sunny".
/// </summary>
public static class WeatherScenario
{
    /// <summary>The user's question, which selects the script.</summary>
    public const string Question = "Weather?";

    /// <summary>A model scripted for the scenario; <paramref name="opening"/> is text it streams before the call.</summary>
    public static ScriptedChatClient Model(string? opening = null) =>
        new ScriptedChatClient().Script(
            Question,
            opening is null ? [ModelStep.Call("get_weather", "call-1")] : [ModelStep.Chunk(opening), ModelStep.Call("get_weather", "call-1")],
            [ModelStep.Chunk("Sunny.")]);

    /// <summary>Starts the scenario's run on <paramref name="client"/>, its tool held by <paramref name="inTool"/>.</summary>
    public static RunResultStreaming<ChatResponseUpdate, ChatResponse> StartGated(IChatClient client, Gate inTool) =>
        client.StartStreamingRun([new ChatMessage(ChatRole.User, Question)], Pipelines.Tools(Tools.Gated("get_weather", inTool, "sunny")));
}
