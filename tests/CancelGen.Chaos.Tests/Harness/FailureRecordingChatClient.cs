using System.Runtime.CompilerServices;

namespace CancelGen.Chaos.Tests.Harness;

/// <summary>Sits over the scripted model and records each planned failure its stream throws, before the run sees it.</summary>
internal sealed class FailureRecordingChatClient(IChatClient model, ChaosRecorder recorder) : DelegatingChatClient(model)
{
    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages,
        ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var updates = base.GetStreamingResponseAsync(messages, options, cancellationToken).GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            try
            {
                if (!await updates.MoveNextAsync())
                {
                    yield break;
                }
            }
            catch (ChaosFailureException failure)
            {
                recorder.Throwing(failure);
                throw;
            }

            yield return updates.Current;
        }
    }
}
