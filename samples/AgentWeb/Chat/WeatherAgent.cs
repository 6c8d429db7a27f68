using AgentConsole.Model;
using AgentConsole.Tools;
using CancelGen;
using Microsoft.Extensions.AI;

namespace AgentWeb.Chat;

/// <summary>
/// The agent behind the page, on the real adapter stack: an offline scripted model as the <see cref="IChatClient"/>,
/// the weather tools as <see cref="AIFunction"/>s, and the pipeline <c>UseFunctionInvocation().UseStreamingRuns()</c>.
/// One pipeline serves every run; each run gets its own tools (their call log lives as long as the run).
/// </summary>
internal sealed class WeatherAgent
{
    private readonly IChatClient _client;
    private readonly TimeSpan _toolLatency;
    private readonly TimeProvider _timeProvider;

    public WeatherAgent(TimeSpan chunk, TimeSpan toolLatency, TimeProvider timeProvider)
    {
        _toolLatency = toolLatency;
        _timeProvider = timeProvider;
        _client = new ChatClientBuilder(new ScriptedChatClient(WeatherScript.Responses, chunk, timeProvider))
            .UseFunctionInvocation(configure: invoker => invoker.AllowConcurrentInvocation = true)
            .UseStreamingRuns()
            .Build();
    }

    /// <summary>Starts a run answering <paramref name="prompt"/>: text updates, tool calls and their results, as <see cref="ChatResponseUpdate"/>s.</summary>
    public RunResultStreaming<ChatResponseUpdate, ChatResponse> Start(string prompt)
    {
        var tools = new WeatherTools(_toolLatency, _timeProvider);
        return _client.StartStreamingRun(
            [new ChatMessage(ChatRole.User, prompt)],
            new ChatOptions { Tools = tools.AsAITools() },
            new RunOptions { Name = "agent-web-chat" });
    }
}
