using Microsoft.Extensions.AI;

namespace CancelGen.Internal;

/// <summary>The run's code for <c>IChatClient.StartStreamingRun</c>.</summary>
internal static class ChatClientRun
{
    public static RunResultStreaming<ChatResponseUpdate, ChatResponse> Start(
        IChatClient client,
        IEnumerable<ChatMessage> messages,
        ChatOptions? options,
        RunOptions? runOptions,
        CancellationToken cancellationToken)
    {
        Guard.NotNull(client, nameof(client));
        Guard.NotNull(messages, nameof(messages));
        var record = new RunRecord<ChatResponseUpdate>(
            messages.ToList(),
            static updates => updates.ToChatResponse().Messages,
            static (_, _) => Task.FromResult(false));
        RunPipeline.Prepare(type => client.GetService(type));

        var run = RunResultStreaming.Start<ChatResponseUpdate, ChatResponse>(
            async (run, token) =>
            {
                StreamingRunScope.Current = new StreamingRunScope(run);
                await foreach (var update in client.GetStreamingResponseAsync(record.RequestMessages, options, token).ConfigureAwait(false))
                {
                    record.Add(update);
                    await run.EmitAsync(update).ConfigureAwait(false);
                }

                return record.Updates().ToChatResponse();
            },
            runOptions,
            cancellationToken);
        RunRecord<ChatResponseUpdate>.Attach(run, record);
        return run;
    }
}
