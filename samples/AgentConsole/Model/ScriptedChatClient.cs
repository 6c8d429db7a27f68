using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace AgentConsole.Model;

/// <summary>
/// An offline chat model: it streams a fixed script of responses, word by word, honouring the token
/// like a real HTTP stream would (no network, no keys). Which response it gives depends only on the
/// conversation it is sent (how many rounds of tool results follow the last user message), so one
/// client serves any number of runs at once and a follow-up question starts the script again.
/// </summary>
/// <param name="script">The responses, in order.</param>
/// <param name="chunkDelay">How long each word takes to arrive.</param>
/// <param name="timeProvider">The clock the delays run on.</param>
internal sealed class ScriptedChatClient(IReadOnlyList<ScriptedResponse> script, TimeSpan chunkDelay, TimeProvider timeProvider) : IChatClient
{
    private int _calls;

    /// <summary>How many model calls (streamed or not) have started.</summary>
    public int Calls => Volatile.Read(ref _calls);

    /// <inheritdoc />
    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        await GetStreamingResponseAsync(messages, options, cancellationToken).ToChatResponseAsync(cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages,
        ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var conversation = messages.ToList();
        var position = ScriptPosition(conversation);
        if (position >= script.Count)
        {
            throw new InvalidOperationException($"The scripted model has {script.Count} responses; the conversation asks for response {position + 1}.");
        }

        var call = Interlocked.Increment(ref _calls);
        var response = script[position];
        var messageId = $"scripted-{call}";
        foreach (var word in Words(response.Text(ToolResults.After(conversation))))
        {
            await Task.Delay(chunkDelay, timeProvider, cancellationToken).ConfigureAwait(false);
            yield return new ChatResponseUpdate(ChatRole.Assistant, word) { MessageId = messageId, ResponseId = messageId };
        }

        if (response.ToolCalls.Count > 0)
        {
            yield return new ChatResponseUpdate(ChatRole.Assistant, [.. response.ToolCalls.Select(c => (AIContent)c.ToContent())])
            {
                MessageId = messageId,
                ResponseId = messageId,
                FinishReason = ChatFinishReason.ToolCalls,
            };
        }
        else
        {
            yield return new ChatResponseUpdate { MessageId = messageId, ResponseId = messageId, FinishReason = ChatFinishReason.Stop };
        }
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType.IsInstanceOfType(this) ? this : null;

    /// <inheritdoc />
    public void Dispose()
    {
        // Nothing to release: the script lives in memory.
    }

    /// <summary>The rounds of tool results after the last user message: the model's next response is that one.</summary>
    private static int ScriptPosition(List<ChatMessage> conversation)
    {
        var rounds = 0;
        for (var i = conversation.Count - 1; i >= 0 && conversation[i].Role != ChatRole.User; i--)
        {
            var startsRound = conversation[i].Role == ChatRole.Tool && (i == 0 || conversation[i - 1].Role != ChatRole.Tool);
            rounds += startsRound ? 1 : 0;
        }

        return rounds;
    }

    /// <summary>Splits text into words that keep their trailing space, as a model streams tokens.</summary>
    private static IEnumerable<string> Words(string text)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == ' ')
            {
                yield return text[start..(i + 1)];
                start = i + 1;
            }
        }

        if (start < text.Length)
        {
            yield return text[start..];
        }
    }
}
