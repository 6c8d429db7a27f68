using Microsoft.Extensions.AI;

namespace AgentConsole.Model;

/// <summary>A tool call in the script: a fixed call id, the function's name and its arguments.</summary>
/// <param name="CallId">The id the model gives the call (the tool result answers to it).</param>
/// <param name="Name">The function to call.</param>
/// <param name="Arguments">The arguments, by parameter name.</param>
internal sealed record ScriptedToolCall(string CallId, string Name, IReadOnlyDictionary<string, object?> Arguments)
{
    /// <summary>A fresh <see cref="FunctionCallContent"/> for this call (the pipeline may annotate it).</summary>
    public FunctionCallContent ToContent() => new(CallId, Name, new Dictionary<string, object?>(Arguments));
}
