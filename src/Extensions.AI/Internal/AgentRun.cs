using Microsoft.Agents.AI;
using Microsoft.Extensions.AI;

namespace CancelGen.Internal;

/// <summary>The run's code for <c>AIAgent.StartStreamingRun</c>.</summary>
internal static class AgentRun
{
    public static RunResultStreaming<AgentResponseUpdate, AgentResponse> Start(
        AIAgent agent,
        IEnumerable<ChatMessage> messages,
        AgentSession? session,
        AgentRunOptions? options,
        RunOptions? runOptions,
        CancellationToken cancellationToken)
    {
        Guard.NotNull(agent, nameof(agent));
        Guard.NotNull(messages, nameof(messages));
        var record = new RunRecord<AgentResponseUpdate>(
            messages.ToList(),
            static updates => updates.ToAgentResponse().Messages,
            (requestMessages, responseMessages) => SessionHistory.TryAddAsync(agent, session, requestMessages, responseMessages));
        RunPipeline.Prepare(type => agent.GetService(type));

        var run = RunResultStreaming.Start<AgentResponseUpdate, AgentResponse>(
            async (run, token) =>
            {
                StreamingRunScope.Current = new StreamingRunScope(run);
                await foreach (var update in agent.RunStreamingAsync(record.RequestMessages, session, options, token).ConfigureAwait(false))
                {
                    record.Add(update);
                    await run.EmitAsync(update).ConfigureAwait(false);
                }

                return record.Updates().ToAgentResponse();
            },
            runOptions,
            cancellationToken);
        RunRecord<AgentResponseUpdate>.Attach(run, record);
        return run;
    }
}
