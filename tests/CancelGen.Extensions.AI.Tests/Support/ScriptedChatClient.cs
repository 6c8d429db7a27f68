using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace CancelGen.Extensions.AI.Tests.Support;

/// <summary>
/// An in-memory model: for each conversation (named by its first user message) a queue of responses, each a list of
/// steps (text chunks, function calls, gates, a throw). Records every call it receives.
/// </summary>
public sealed class ScriptedChatClient : IChatClient
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<ModelStep[]>> _scripts = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<ModelCall> _calls = new();
    private int _responseCount;

    /// <summary>Adds the model's next responses for the conversation whose first user message is <paramref name="conversation"/>.</summary>
    public ScriptedChatClient Script(string conversation, params ModelStep[][] responses)
    {
        var queue = _scripts.GetOrAdd(conversation, _ => new ConcurrentQueue<ModelStep[]>());
        foreach (var response in responses)
        {
            queue.Enqueue(response);
        }

        return this;
    }

    /// <summary>Every call received, in order.</summary>
    public IReadOnlyList<ModelCall> Calls => _calls.ToArray();

    /// <summary>The calls received for one conversation.</summary>
    public IReadOnlyList<ModelCall> CallsFor(string conversation) =>
        _calls.Where(call => call.Conversation == conversation).ToArray();

    public async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in GetStreamingResponseAsync(messages, options, cancellationToken))
        {
            updates.Add(update);
        }

        return updates.ToChatResponse();
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages,
        ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var received = messages.ToList();
        var conversation = received.First(message => message.Role == ChatRole.User).Text;
        _calls.Enqueue(new ModelCall(conversation, received, cancellationToken));

        if (!_scripts.TryGetValue(conversation, out var queue) || !queue.TryDequeue(out var steps))
        {
            throw new InvalidOperationException($"The script for '{conversation}' has no response left.");
        }

        var responseId = $"response-{Interlocked.Increment(ref _responseCount)}";
        foreach (var step in steps)
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (step)
            {
                case TextStep text:
                    yield return new ChatResponseUpdate(ChatRole.Assistant, text.Text) { MessageId = responseId, ResponseId = responseId };
                    break;
                case CallStep call:
                    yield return new ChatResponseUpdate(ChatRole.Assistant, [new FunctionCallContent(call.CallId, call.Name, call.Arguments)])
                    {
                        MessageId = responseId,
                        ResponseId = responseId,
                    };
                    break;
                case WaitStep wait:
                    await wait.Gate.PassAsync(cancellationToken);
                    break;
                case ThrowStep failure:
                    throw failure.Exception;
            }
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
    }
}
