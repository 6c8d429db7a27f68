namespace AgentConsole.Model;

/// <summary>
/// One response of the scripted model: the text it streams (which may read the tool results it was
/// given) and the tools it then asks for.
/// </summary>
/// <param name="Text">Builds the response text from the results of the previous turn's tool calls.</param>
/// <param name="ToolCalls">The calls the response asks for; empty for a final answer.</param>
internal sealed record ScriptedResponse(Func<ToolResults, string> Text, IReadOnlyList<ScriptedToolCall> ToolCalls);
