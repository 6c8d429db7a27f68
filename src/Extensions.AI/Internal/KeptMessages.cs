using Microsoft.Extensions.AI;

namespace CancelGen.Internal;

/// <summary>Turns the updates a cancelled run produced into messages that are valid history for the next model call.</summary>
internal static class KeptMessages
{
    /// <summary>
    /// Completes every function call that has no result with a result saying it was cancelled (a dangling call would
    /// make the next model call fail), and drops function results whose call is missing.
    /// </summary>
    /// <param name="responseMessages">The messages the run's updates make.</param>
    /// <returns>The messages to keep.</returns>
    public static IReadOnlyList<ChatMessage> Complete(IList<ChatMessage> responseMessages)
    {
        var calls = new Dictionary<string, FunctionCallContent>(StringComparer.Ordinal);
        var answered = new HashSet<string>(StringComparer.Ordinal);
        foreach (var content in responseMessages.SelectMany(message => message.Contents))
        {
            switch (content)
            {
                case FunctionCallContent call:
                    calls[call.CallId] = call;
                    break;
                case FunctionResultContent result:
                    answered.Add(result.CallId);
                    break;
            }
        }

        var kept = new List<ChatMessage>(responseMessages.Count + 1);
        foreach (var message in responseMessages)
        {
            var contents = message.Contents
                .Where(content => content is not FunctionResultContent result || calls.ContainsKey(result.CallId))
                .ToList();
            if (contents.Count == 0)
            {
                continue;
            }

            var copy = message.Clone();
            copy.Contents = contents;
            kept.Add(copy);
        }

        var cancelledResults = calls.Values
            .Where(call => !answered.Contains(call.CallId))
            .Select(call => (AIContent)new FunctionResultContent(call.CallId, TrackedFunctionInvoker.CancelledResult(call.Name)))
            .ToList();
        if (cancelledResults.Count > 0)
        {
            kept.Add(new ChatMessage(ChatRole.Tool, cancelledResults));
        }

        return kept;
    }
}
