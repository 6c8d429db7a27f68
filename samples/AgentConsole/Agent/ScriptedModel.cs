namespace AgentConsole.Agent;

/// <summary>One scripted model response: text chunks, then the tools it calls.</summary>
public sealed record ScriptedTurn(IReadOnlyList<string> TextChunks, IReadOnlyList<(string Tool, string Arguments)> ToolCalls);

/// <summary>
/// An offline stand-in for a chat model: it "streams" a fixed script, chunk by chunk, honouring the
/// token like a real HTTP stream would. No network, no keys, same shape as the real thing.
/// </summary>
public sealed class ScriptedModel(IReadOnlyList<ScriptedTurn> script, TimeSpan chunkDelay)
{
    /// <summary>The script for a weather question: look up two cities, compare, answer.</summary>
    public static ScriptedModel Weather(TimeSpan chunkDelay) => new(
        [
            new(["Let me ", "check the ", "weather ", "in both ", "cities."], [("get_weather", "Paris"), ("get_weather", "Oslo")]),
            new(["Paris is ", "18°C and ", "sunny; ", "Oslo is ", "6°C with ", "rain."], [("get_forecast", "Oslo, tomorrow")]),
            new(["Tomorrow ", "Oslo clears ", "up. ", "Pack an ", "umbrella ", "today only."], []),
        ],
        chunkDelay);

    /// <summary>How many responses the script has.</summary>
    public int Turns => script.Count;

    /// <summary>Streams the text of response <paramref name="turn"/> (1-based).</summary>
    public async IAsyncEnumerable<string> StreamTextAsync(int turn, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var chunk in script[turn - 1].TextChunks)
        {
            await Task.Delay(chunkDelay, cancellationToken);
            yield return chunk;
        }
    }

    /// <summary>The tool calls response <paramref name="turn"/> asks for.</summary>
    public IReadOnlyList<(string Tool, string Arguments)> ToolCalls(int turn) => script[turn - 1].ToolCalls;
}
