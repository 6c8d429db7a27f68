using Microsoft.Extensions.AI;

namespace AgentConsole.Model;

/// <summary>The results of the tool calls the model asked for in its previous response, by call id.</summary>
internal sealed class ToolResults
{
    private readonly Dictionary<string, string> _byCallId;

    private ToolResults(Dictionary<string, string> byCallId) => _byCallId = byCallId;

    /// <summary>What the call <paramref name="callId"/> returned, as text ("no result" when the model was given none).</summary>
    public string this[string callId] => _byCallId.TryGetValue(callId, out var result) ? result : "no result";

    /// <summary>The results in the tool messages that follow the last assistant message of <paramref name="conversation"/>.</summary>
    public static ToolResults After(IReadOnlyList<ChatMessage> conversation)
    {
        var results = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = conversation.Count - 1; i >= 0 && conversation[i].Role == ChatRole.Tool; i--)
        {
            foreach (var result in conversation[i].Contents.OfType<FunctionResultContent>())
            {
                results[result.CallId] = Describe(result);
            }
        }

        return new ToolResults(results);
    }

    /// <summary>The result as a phrase the model can put in a sentence (no quotes, no closing full stop).</summary>
    private static string Describe(FunctionResultContent result) => (result.Exception is { } failure
        ? failure.Message
        : result.Result?.ToString()?.Trim('"') ?? "nothing").TrimEnd('.');
}
