using Microsoft.Extensions.AI;

namespace AgentConsole.Model;

/// <summary>
/// One response of the scripted model: the text it streams (which may read the tool results it was
/// given) and the tools it then asks for.
/// </summary>
/// <param name="Text">Builds the response text from the results of the previous turn's tool calls.</param>
/// <param name="ToolCalls">The calls the response asks for; empty for a final answer.</param>
internal sealed record ScriptedResponse(Func<ToolResults, string> Text, IReadOnlyList<ScriptedToolCall> ToolCalls);

/// <summary>A tool call in the script: a fixed call id, the function's name and its arguments.</summary>
/// <param name="CallId">The id the model gives the call (the tool result answers to it).</param>
/// <param name="Name">The function to call.</param>
/// <param name="Arguments">The arguments, by parameter name.</param>
internal sealed record ScriptedToolCall(string CallId, string Name, IReadOnlyDictionary<string, object?> Arguments)
{
    /// <summary>A fresh <see cref="FunctionCallContent"/> for this call (the pipeline may annotate it).</summary>
    public FunctionCallContent ToContent() => new(CallId, Name, new Dictionary<string, object?>(Arguments));
}
