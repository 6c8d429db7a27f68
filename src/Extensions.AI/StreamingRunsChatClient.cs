using System.Runtime.CompilerServices;
using CancelGen.Internal;
using Microsoft.Extensions.AI;

namespace CancelGen;

/// <summary>
/// The chat pipeline piece that gives CancelGen runs their turns: inside a run started with
/// <c>StartStreamingRun</c>, every model call but the first passes the run's turn boundary
/// (<see cref="RunContext.EndTurnAsync"/>), so <see cref="RunResultStreaming{TEvent}.CurrentTurn"/> counts model
/// calls, a paused run waits before its next model call, and <see cref="CancelMode.AfterTurn"/> starts no further
/// model call. Outside a run it passes every call straight through.
/// </summary>
/// <remarks>
/// Add it with <see cref="StreamingRunsChatClientBuilderExtensions.UseStreamingRuns(ChatClientBuilder)"/> after
/// <c>UseFunctionInvocation()</c>, so that it sits inside the <see cref="FunctionInvokingChatClient"/> and sees each
/// model call of the function-calling loop. With it in the pipeline, <c>StartStreamingRun</c> also makes every
/// function call a tracked task of the run.
/// </remarks>
public sealed class StreamingRunsChatClient : DelegatingChatClient
{
    /// <summary>Wraps <paramref name="innerClient"/>.</summary>
    /// <param name="innerClient">The client that makes the model calls.</param>
    /// <exception cref="ArgumentNullException"><paramref name="innerClient"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">
    /// <paramref name="innerClient"/> contains a <see cref="FunctionInvokingChatClient"/>: this piece would see one call per
    /// request instead of one per model call. Call <c>UseStreamingRuns()</c> after <c>UseFunctionInvocation()</c>.
    /// </exception>
    public StreamingRunsChatClient(IChatClient innerClient)
        : base(ThrowIfFunctionInvocationInside(innerClient))
    {
    }

    /// <inheritdoc />
    public override async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (StreamingRunScope.Current is { } scope)
        {
            await scope.BeforeModelCallAsync().ConfigureAwait(false);
        }

        return await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages,
        ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (StreamingRunScope.Current is { } scope)
        {
            await scope.BeforeModelCallAsync().ConfigureAwait(false);
        }

        await foreach (var update in base.GetStreamingResponseAsync(messages, options, cancellationToken).ConfigureAwait(false))
        {
            yield return update;
        }
    }

    private static IChatClient ThrowIfFunctionInvocationInside(IChatClient innerClient)
    {
        Guard.NotNull(innerClient, nameof(innerClient));
        if (innerClient.GetService<FunctionInvokingChatClient>() is not null)
        {
            throw new InvalidOperationException(
                "UseStreamingRuns() is outside the FunctionInvokingChatClient, so it would see one call per request instead of one per model call. " +
                "Call UseStreamingRuns() after UseFunctionInvocation(): new ChatClientBuilder(inner).UseFunctionInvocation().UseStreamingRuns().Build().");
        }

        return innerClient;
    }
}
