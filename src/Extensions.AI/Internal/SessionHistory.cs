using Microsoft.Agents.AI;
using Microsoft.Extensions.AI;

namespace CancelGen.Internal;

/// <summary>Adds a kept turn to an agent session's chat history, the way the agent stores a completed run.</summary>
internal static class SessionHistory
{
    /// <summary>
    /// Hands the kept messages to the agent's <see cref="ChatHistoryProvider"/> for <paramref name="session"/>, as the
    /// agent does at the end of a run that completes. Nothing is stored without a session, without a provider, or when
    /// the service keeps the conversation (a <see cref="ChatClientAgentSession.ConversationId"/> is set).
    /// </summary>
    /// <returns>Whether the messages were handed to the provider.</returns>
    public static async Task<bool> TryAddAsync(
        AIAgent agent,
        AgentSession? session,
        IReadOnlyList<ChatMessage> requestMessages,
        IReadOnlyList<ChatMessage> responseMessages)
    {
        if (session is null
            || session is ChatClientAgentSession { ConversationId: { Length: > 0 } }
            || agent.GetService<ChatHistoryProvider>() is not { } history)
        {
            return false;
        }

        // The run has ended; storing what it kept is not part of it and is not cancelled with it.
#pragma warning disable MAAI001 // InvokedContext's constructor is marked for evaluation; it is how the agent itself hands a run's messages to its history provider.
        var invoked = new ChatHistoryProvider.InvokedContext(agent, session, requestMessages, responseMessages);
#pragma warning restore MAAI001
        await history.InvokedAsync(invoked, CancellationToken.None).ConfigureAwait(false);
        return true;
    }
}
