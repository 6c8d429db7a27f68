using AgentConsole.Agent;

namespace AgentConsole;

/// <summary>The simulated latencies of the offline model and tools.</summary>
internal sealed record DemoTiming(TimeSpan Chunk, TimeSpan Tool)
{
    public static DemoTiming Realistic { get; } = new(TimeSpan.FromMilliseconds(60), TimeSpan.FromMilliseconds(500));

    public static DemoTiming Fast { get; } = new(TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(20));

    public (WeatherAgent Agent, WeatherTools Tools) CreateAgent()
    {
        var tools = new WeatherTools(Tool);
        return (new WeatherAgent(ScriptedModel.Weather(Chunk), tools), tools);
    }
}
