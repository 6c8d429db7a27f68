using AgentConsole.Model;
using AgentConsole.Tools;
using CancelGen;
using Microsoft.Agents.AI;
using Microsoft.Extensions.AI;

namespace AgentConsole.Agent;

/// <summary>
/// The agent stack one demo runs on, built the way an app builds it for a real model:
/// the model as an <see cref="IChatClient"/>, the tools as <see cref="AIFunction"/>s, the pipeline
/// <c>UseFunctionInvocation().UseStreamingRuns()</c>, and an <see cref="AIAgent"/> over it.
/// </summary>
internal sealed class WeatherStack
{
    private WeatherStack(ScriptedChatClient model, WeatherTools tools)
    {
        Model = model;
        Tools = tools;
        ChatOptions = new ChatOptions { Tools = tools.AsAITools() };
        Client = new ChatClientBuilder(model)
            .UseFunctionInvocation(configure: invoker => invoker.AllowConcurrentInvocation = true) // the two lookups of a turn run in parallel
            .UseStreamingRuns()
            .Build();
        Agent = Client.AsAIAgent(
            instructions: "You answer weather questions with the get_weather and get_forecast tools.",
            name: "weather",
            tools: ChatOptions.Tools);
    }

    /// <summary>The offline model at the bottom of the pipeline (counts its calls).</summary>
    public ScriptedChatClient Model { get; }

    /// <summary>The tools (log every call and how it ended).</summary>
    public WeatherTools Tools { get; }

    /// <summary>The options that give a chat client run the tools.</summary>
    public ChatOptions ChatOptions { get; }

    /// <summary>The pipeline: function invocation plus streaming runs over the model.</summary>
    public IChatClient Client { get; }

    /// <summary>An agent over <see cref="Client"/> with the tools.</summary>
    public AIAgent Agent { get; }

    /// <summary>A fresh stack (its own model, tools and log) with the given latencies.</summary>
    public static WeatherStack Create(DemoTiming timing, TimeProvider timeProvider) =>
        new(new ScriptedChatClient(WeatherScript.Responses, timing.Chunk, timeProvider), new WeatherTools(timing.Tool, timeProvider));
}
